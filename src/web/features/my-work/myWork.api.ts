import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyWork, MyWorkDismissal } from '../../../contract/my-work.ts';
import { api } from '../../app/api.ts';

export type { MyWork, MyWorkItem } from '../../../contract/my-work.ts';

export const myWorkKey = ['my-work'] as const;

/** The page and the navigation's count read the same answer (the count waits with `enabled: false`). */
export const useMyWork = ({ enabled = true } = {}) =>
  useQuery({ queryKey: myWorkKey, queryFn: () => api.get<MyWork>('/my-work'), staleTime: 60_000, enabled });

function useMyWorkWrite<T>(write: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => queryClient.invalidateQueries({ queryKey: myWorkKey }) });
}

export const useDismiss = () => useMyWorkWrite((input: MyWorkDismissal) => api.post('/my-work/dismissals', input));
/** A task's one-click done goes through the same change as the plan's status menu. */
export const useFinishTask = () => useMyWorkWrite((taskId: string) => api.patch(`/tasks/${taskId}`, { status: 'done' }));

/** Opening a project takes its changes off My work. */
export function useMarkProjectSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (projectId: string) => api.post(`/projects/${projectId}/seen`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myWorkKey }),
  });
}
