import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountPeople, AccountRisk } from '../../../contract/turnover.ts';
import { api } from '../../app/api.ts';

export type { AccountPeople, AccountRisk };

export const peopleKeys = { forAccount: (accountId: string) => ['people', accountId] as const };

export const useAccountPeople = (accountId: string) =>
  useQuery({ queryKey: peopleKeys.forAccount(accountId), queryFn: () => api.get<AccountPeople>(`/accounts/${accountId}/people`) });

function useRiskWrite<TInput>(accountId: string, write: (input: TInput) => Promise<AccountRisk>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.forAccount(accountId) });
      void queryClient.invalidateQueries({ queryKey: ['contacts', accountId] });
    },
  });
}

export const useNameSuccessor = (accountId: string, riskId: string) =>
  useRiskWrite(accountId, (contactId: string) => api.post<AccountRisk>(`/accounts/${accountId}/risks/${riskId}/successor`, { contactId }));

export const useResolveRisk = (accountId: string, riskId: string) =>
  useRiskWrite(accountId, (reason: string) => api.post<AccountRisk>(`/accounts/${accountId}/risks/${riskId}/resolve`, { reason }));
