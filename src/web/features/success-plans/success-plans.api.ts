import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActualInput,
  CadenceEntry,
  ExecutiveSummary,
  MetricInput,
  MetricPatch,
  PlanInput,
  SuccessMetric,
  SuccessOutcome,
  SuccessPlan,
} from '../../../contract/success-plans.ts';
import type { CadenceFrequency, MetricDirection, MetricStatus } from '../../../core/success-plans/scorecard.ts';
import { api, request } from '../../app/api.ts';
import { projectKeys } from '../projects/projects.api.ts';

export type { CadenceFrequency, MetricDirection, MetricStatus };
export type { CadenceEntry, ExecutiveSummary, MetricInput, SuccessMetric, SuccessOutcome, SuccessPlan };

export const successPlanKeys = {
  plan: (projectId: string) => ['success-plan', projectId] as const,
  summary: (projectId: string) => ['executive-summary', projectId] as const,
};

export const useSuccessPlan = (projectId: string) =>
  useQuery({ queryKey: successPlanKeys.plan(projectId), queryFn: () => api.get<SuccessPlan>(`/projects/${projectId}/success-plan`) });

export const useExecutiveSummary = (projectId: string) =>
  useQuery({ queryKey: successPlanKeys.summary(projectId), queryFn: () => api.get<ExecutiveSummary>(`/projects/${projectId}/executive-summary`) });

/** Every change answers with the whole plan; a verification may also have moved the project's milestones. */
export function usePlanChange<TInput>(projectId: string, write: (input: TInput) => Promise<SuccessPlan>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (plan) => {
      queryClient.setQueryData(successPlanKeys.plan(projectId), plan);
      void queryClient.invalidateQueries({ queryKey: successPlanKeys.summary(projectId) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.history(projectId) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.delays(projectId) });
    },
  });
}

export const planApi = {
  update: (projectId: string, input: z.input<typeof PlanInput>) => api.put<SuccessPlan>(`/projects/${projectId}/success-plan`, input),
  addOutcome: (projectId: string, statement: string) => api.post<SuccessPlan>(`/projects/${projectId}/success-outcomes`, { statement }),
  updateOutcome: (outcomeId: string, statement: string) => api.patch<SuccessPlan>(`/success-outcomes/${outcomeId}`, { statement }),
  removeOutcome: (outcomeId: string) => request<SuccessPlan>('DELETE', `/success-outcomes/${outcomeId}`),
  addMetric: (outcomeId: string, input: z.input<typeof MetricInput>) => api.post<SuccessPlan>(`/success-outcomes/${outcomeId}/metrics`, input),
  updateMetric: (metricId: string, input: z.input<typeof MetricPatch>) => api.patch<SuccessPlan>(`/success-metrics/${metricId}`, input),
  removeMetric: (metricId: string) => request<SuccessPlan>('DELETE', `/success-metrics/${metricId}`),
  recordActual: (metricId: string, input: z.input<typeof ActualInput>) =>
    api.post<SuccessPlan>(`/success-metrics/${metricId}/actuals`, input),
  removeActual: (actualId: string) => request<SuccessPlan>('DELETE', `/metric-actuals/${actualId}`),
  requestVerification: (outcomeId: string, note?: string) =>
    api.post<SuccessPlan>(`/success-outcomes/${outcomeId}/verification-request`, note ? { note } : {}),
};

export const summaryPdfUrl = (projectId: string) => `/api/v1/projects/${projectId}/executive-summary.pdf`;
