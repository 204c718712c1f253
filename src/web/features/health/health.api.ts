import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountHealth, HealthModel, HealthModelPatch, LaerSummary } from '../../../contract/health.ts';
import { api } from '../../app/api.ts';

export type { AccountHealth, HealthModel };

export const healthKeys = {
  account: (id: string) => ['health', 'account', id] as const,
  model: ['health', 'model'] as const,
  laer: ['health', 'laer'] as const,
};

export const useAccountHealth = (accountId: string) =>
  useQuery({ queryKey: healthKeys.account(accountId), queryFn: () => api.get<AccountHealth>(`/accounts/${accountId}/health`), enabled: Boolean(accountId) });

export const useHealthModel = () => useQuery({ queryKey: healthKeys.model, queryFn: () => api.get<HealthModel>('/health/model') });

export const useLaerSummary = () => useQuery({ queryKey: healthKeys.laer, queryFn: () => api.get<LaerSummary>('/health/laer') });

export function useUpdateHealthModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: HealthModelPatch) => api.patch<HealthModel>('/health/model', patch),
    onSuccess: (model) => {
      queryClient.setQueryData(healthKeys.model, model);
      void queryClient.invalidateQueries({ queryKey: ['health', 'account'] });
      void queryClient.invalidateQueries({ queryKey: healthKeys.laer });
    },
  });
}
