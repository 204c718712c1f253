import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkNeedingOwner } from '../../../contract/projects.ts';
import type { CreatedScimToken, ProvisioningSettings, RoleMapping } from '../../../contract/scim.ts';
import { api } from '../../app/api.ts';
import { memberKeys } from '../members/members.api.ts';

export type { CreatedScimToken, ProvisioningSettings, RoleMapping, WorkNeedingOwner };

const provisioningKey = ['provisioning'] as const;

export const useProvisioning = () => useQuery({ queryKey: provisioningKey, queryFn: () => api.get<ProvisioningSettings>('/provisioning') });

export const useWorkNeedingOwner = () => useQuery({ queryKey: ['needs-new-owner'], queryFn: () => api.get<WorkNeedingOwner>('/needs-new-owner') });

export function useCreateScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<CreatedScimToken>('/provisioning/tokens', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: provisioningKey }),
  });
}

export function useRevokeScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/provisioning/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: provisioningKey }),
  });
}

export function useSaveRoleMappings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mappings: RoleMapping[]) => api.put<RoleMapping[]>('/provisioning/role-mappings', { mappings }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: provisioningKey });
      void queryClient.invalidateQueries({ queryKey: memberKeys.members });
    },
  });
}
