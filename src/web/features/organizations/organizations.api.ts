import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Organization, OrganizationInput, OrganizationPatch } from '../../../contract/organizations.ts';
import { api } from '../../app/api.ts';

export type { Organization };

export const organizationKeys = { forAccount: (accountId: string) => ['organizations', accountId] as const };

export const useOrganizations = (accountId: string) =>
  useQuery({
    queryKey: organizationKeys.forAccount(accountId),
    queryFn: () => api.get<Organization[]>(`/accounts/${accountId}/organizations`),
  });

function useOrganizationWrite<TInput>(accountId: string, write: (input: TInput) => Promise<Organization>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.forAccount(accountId) }),
  });
}

export const useAddOrganization = (accountId: string) =>
  useOrganizationWrite(accountId, (input: z.input<typeof OrganizationInput>) => api.post<Organization>(`/accounts/${accountId}/organizations`, input));
export const useUpdateOrganization = (accountId: string, id: string) =>
  useOrganizationWrite(accountId, (patch: z.input<typeof OrganizationPatch>) => api.patch<Organization>(`/organizations/${id}`, patch));
export const useArchiveOrganization = (accountId: string) =>
  useOrganizationWrite(accountId, (id: string) => api.post<Organization>(`/organizations/${id}/archive`));
