import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Benchmark, Dashboard, DayReport, DrillResult, InsightSettings, InsightSettingsPatch, TtvReport } from '../../../contract/insight.ts';
import { api, type Query } from '../../app/api.ts';

// The insight pages' calls, under /api/v1/insight.
export type { Benchmark, Dashboard, DayReport, DrillResult, InsightSettings, TtvReport };

const keys = {
  all: ['insight'] as const,
  dashboard: (q: Query) => ['insight', 'dashboard', q] as const,
  ttv: (q: Query) => ['insight', 'ttv', q] as const,
  drill: (q: Query) => ['insight', 'projects', q] as const,
  day: (q: Query) => ['insight', 'day', q] as const,
  benchmark: ['insight', 'benchmark'] as const,
  settings: ['insight', 'settings'] as const,
};

export const useDashboard = (query: Query) => useQuery({ queryKey: keys.dashboard(query), queryFn: () => api.get<Dashboard>('/insight/dashboard', query) });
export const useTimeToValue = (query: Query) => useQuery({ queryKey: keys.ttv(query), queryFn: () => api.get<TtvReport>('/insight/time-to-value', query) });
export const useDrill = (query: Query) => useQuery({ queryKey: keys.drill(query), queryFn: () => api.get<DrillResult>('/insight/projects', query) });
export const useDayReport = (query: Query) => useQuery({ queryKey: keys.day(query), queryFn: () => api.get<DayReport>('/insight/day-report', query) });
export const useBenchmark = () => useQuery({ queryKey: keys.benchmark, queryFn: () => api.get<Benchmark>('/insight/benchmark') });
export const useInsightSettings = () => useQuery({ queryKey: keys.settings, queryFn: () => api.get<InsightSettings>('/insight/settings') });

export function useSaveInsightSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: InsightSettingsPatch) => api.patch<InsightSettings>('/insight/settings', patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
