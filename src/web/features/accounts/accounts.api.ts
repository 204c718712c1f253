import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Account, AccountFacets, AccountInput, AccountPage, AccountPatch } from '../../../contract/accounts.ts';
import { api } from '../../app/api.ts';
import { toApiQuery, type AccountListState } from './accountListState.ts';

export type { Account, AccountInput };

export const accountKeys = {
  all: ['accounts'] as const,
  list: (state: AccountListState) => ['accounts', 'list', toApiQuery(state)] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
  facets: ['accounts', 'facets'] as const,
};

export const useAccounts = (state: AccountListState) =>
  useQuery({
    queryKey: accountKeys.list(state),
    queryFn: () => api.get<AccountPage>('/accounts', toApiQuery(state)),
    placeholderData: keepPreviousData,
  });

export const useAccount = (id: string) =>
  useQuery({ queryKey: accountKeys.detail(id), queryFn: () => api.get<Account>(`/accounts/${id}`), enabled: Boolean(id) });

export const useAccountFacets = () =>
  useQuery({ queryKey: accountKeys.facets, queryFn: () => api.get<AccountFacets>('/accounts/facets'), staleTime: 60_000 });

function useAccountWrite<TInput>(write: (input: TInput) => Promise<Account>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (account) => {
      queryClient.setQueryData(accountKeys.detail(account.id), account);
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'list'] });
      void queryClient.invalidateQueries({ queryKey: accountKeys.facets });
    },
  });
}

export const useCreateAccount = () => useAccountWrite((input: z.input<typeof AccountInput>) => api.post<Account>('/accounts', input));
export const useUpdateAccount = (id: string) =>
  useAccountWrite((patch: z.input<typeof AccountPatch>) => api.patch<Account>(`/accounts/${id}`, patch));
export const useArchiveAccount = (id: string) => useAccountWrite(() => api.post<Account>(`/accounts/${id}/archive`));
export const useRestoreAccount = (id: string) => useAccountWrite(() => api.post<Account>(`/accounts/${id}/restore`));
