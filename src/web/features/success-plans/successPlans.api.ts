import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CadenceFrequency, MetricDirection, MetricStatus } from '../../../core/success/scorecard.ts';
import type { ExecutiveSummary as SummaryContent } from '../../../core/success/summary.ts';
import { api, request } from '../../app/api.ts';
import { projectKeys } from '../projects/projects.api.ts';

export type { CadenceFrequency, MetricDirection, MetricStatus };

export interface CadenceEntry {
  who: string;
  meetsWhom: string;
  frequency: CadenceFrequency;
  channel: string;
}

export interface MetricActual {
  id: string;
  value: number;
  measuredOn: string;
  note: string | null;
  recordedBy: { side: 'vendor' | 'customer'; name: string };
  createdAt: string;
}

export interface SuccessMetric {
  id: string;
  outcomeId: string;
  name: string;
  unit: string;
  direction: MetricDirection;
  baseline: number;
  target: number;
  targetDate: string;
  owner: { kind: 'member' | 'contact'; id: string; name: string } | null;
  actuals: MetricActual[];
  standing: { latest: { value: number; measuredOn: string } | null; progressPercent: number | null; status: MetricStatus };
}

export interface Verification {
  byContactId: string | null;
  byName: string;
  at: string;
  on: string;
  comment: string | null;
  evidence: string | null;
  snapshot: { metric: string; value: number | null; unit: string; measuredOn: string | null }[];
}

export interface SuccessOutcome {
  id: string;
  statement: string;
  position: number;
  verificationRequest: { at: string; byName: string; note: string | null } | null;
  verification: Verification | null;
  metrics: SuccessMetric[];
}

export interface SuccessPlan {
  projectId: string;
  today: string;
  goals: string[];
  executiveSponsor: { contactId: string; name: string; title: string | null; left: boolean } | null;
  communicationCadence: CadenceEntry[];
  outcomes: SuccessOutcome[];
  value: {
    verifiedOutcomes: number;
    totalOutcomes: number;
    firstValueOn: string | null;
    valueAchievedOn: string | null;
    firstValueMilestone: boolean;
    valueAchievedMilestone: boolean;
  };
}

export type ExecutiveSummary = SummaryContent & { projectId: string };

export interface PlanInput {
  goals?: string[];
  executiveSponsorContactId?: string | null;
  communicationCadence?: CadenceEntry[];
}

export interface MetricInput {
  name: string;
  unit: string;
  direction: MetricDirection;
  baseline: number;
  target: number;
  targetDate: string;
  owner: { kind: 'member' | 'contact'; id: string } | null;
}

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
  update: (projectId: string, input: PlanInput) => api.put<SuccessPlan>(`/projects/${projectId}/success-plan`, input),
  addOutcome: (projectId: string, statement: string) => api.post<SuccessPlan>(`/projects/${projectId}/success-outcomes`, { statement }),
  updateOutcome: (outcomeId: string, statement: string) => api.patch<SuccessPlan>(`/success-outcomes/${outcomeId}`, { statement }),
  removeOutcome: (outcomeId: string) => request<SuccessPlan>('DELETE', `/success-outcomes/${outcomeId}`),
  addMetric: (outcomeId: string, input: MetricInput) => api.post<SuccessPlan>(`/success-outcomes/${outcomeId}/metrics`, input),
  updateMetric: (metricId: string, input: Partial<MetricInput>) => api.patch<SuccessPlan>(`/success-metrics/${metricId}`, input),
  removeMetric: (metricId: string) => request<SuccessPlan>('DELETE', `/success-metrics/${metricId}`),
  recordActual: (metricId: string, input: { value: number; measuredOn: string; note?: string }) =>
    api.post<SuccessPlan>(`/success-metrics/${metricId}/actuals`, input),
  removeActual: (actualId: string) => request<SuccessPlan>('DELETE', `/metric-actuals/${actualId}`),
  requestVerification: (outcomeId: string, note?: string) =>
    api.post<SuccessPlan>(`/success-outcomes/${outcomeId}/verification-request`, note ? { note } : {}),
};

export const summaryPdfUrl = (projectId: string) => `/api/v1/projects/${projectId}/executive-summary.pdf`;
