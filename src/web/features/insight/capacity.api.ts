import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignmentSuggestions, CapacityReport, MemberCapacity, MemberCapacityPatch, TimeOff, TimeOffInput } from '../../../contract/capacity.ts';
import { api } from '../../app/api.ts';

// The capacity tab's calls: the 12-week report, a member's hours and days off, and assignment suggestions.
export type { AssignmentSuggestions, CapacityReport, MemberCapacity };

const keys = {
  all: ['capacity'] as const,
  report: ['capacity', 'report'] as const,
  member: (id: string) => ['capacity', 'member', id] as const,
  suggestions: (projectId: string) => ['capacity', 'suggestions', projectId] as const,
};

export const useCapacity = () => useQuery({ queryKey: keys.report, queryFn: () => api.get<CapacityReport>('/insight/capacity') });
export const useMemberCapacity = (memberId: string | null | undefined) =>
  useQuery({ queryKey: keys.member(memberId ?? ''), queryFn: () => api.get<MemberCapacity>(`/members/${memberId}/capacity`), enabled: Boolean(memberId) });
export const useAssignmentSuggestions = (projectId: string, enabled: boolean) =>
  useQuery({ queryKey: keys.suggestions(projectId), queryFn: () => api.get<AssignmentSuggestions>(`/projects/${projectId}/assignments/suggestions`), enabled });

function useCapacityMutation<In, Out>(call: (input: In) => Promise<Out>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export const useSaveMemberCapacity = (memberId: string) => useCapacityMutation((patch: MemberCapacityPatch) => api.patch<MemberCapacity>(`/members/${memberId}/capacity`, patch));
export const useAddTimeOff = (memberId: string) => useCapacityMutation((input: TimeOffInput) => api.post<TimeOff>(`/members/${memberId}/time-off`, input));
export const useRemoveTimeOff = (memberId: string) => useCapacityMutation((id: string) => api.delete(`/members/${memberId}/time-off/${id}`));
