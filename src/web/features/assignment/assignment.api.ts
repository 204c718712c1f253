import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AssignmentSettings, AssignmentSettingsInput, ProjectAssignment } from '../../../contract/assignment.ts';
import type { AssignedRole } from '../../../core/assignment/choose.ts';
import { api } from '../../app/api.ts';

export type { AssignmentSettings, ProjectAssignment };
export type AssignmentSettingsForm = z.input<typeof AssignmentSettingsInput>;

const settingsKey = ['assignment', 'settings'] as const;
const projectKey = (projectId: string) => ['assignment', 'project', projectId] as const;

export const useAssignmentSettings = () => useQuery({ queryKey: settingsKey, queryFn: () => api.get<AssignmentSettings>('/assignment/settings') });

export function useSaveAssignmentSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignmentSettingsForm) => api.put<AssignmentSettings>('/assignment/settings', input),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });
}

export const useProjectAssignments = (projectId: string) =>
  useQuery({ queryKey: projectKey(projectId), queryFn: () => api.get<{ assignments: ProjectAssignment[] }>(`/projects/${projectId}/assignments`) });

export function useAssignByHand(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { role: AssignedRole; memberId: string }) =>
      api.put<{ assignments: ProjectAssignment[] }>(`/projects/${projectId}/assignments/${input.role}`, { memberId: input.memberId }),
    onSuccess: (result) => {
      queryClient.setQueryData(projectKey(projectId), result);
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}
