import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Playbook, PlaybookDefinition, PlaybookSummary } from '../../../contract/playbooks.ts';
import { api } from '../../app/api.ts';

export type { Playbook, PlaybookSummary };

export const playbookKeys = {
  all: ['playbooks'] as const,
  list: (includeArchived: boolean) => ['playbooks', 'list', includeArchived] as const,
  detail: (id: string) => ['playbooks', 'detail', id] as const,
};

export const usePlaybooks = (includeArchived = false) =>
  useQuery({
    queryKey: playbookKeys.list(includeArchived),
    queryFn: () => api.get<PlaybookSummary[]>('/playbooks', { archived: includeArchived ? 'include' : 'exclude' }),
  });

export const usePlaybook = (id: string) =>
  useQuery({ queryKey: playbookKeys.detail(id), queryFn: () => api.get<Playbook>(`/playbooks/${id}`), enabled: Boolean(id) });

function usePlaybookWrite<TInput>(write: (input: TInput) => Promise<Playbook>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (playbook) => {
      queryClient.setQueryData(playbookKeys.detail(playbook.id), playbook);
      void queryClient.invalidateQueries({ queryKey: ['playbooks', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['playbooks', 'proposals'] });
    },
  });
}

/** Also the JSON import: the exported file is a definition. */
export const useCreatePlaybook = () => usePlaybookWrite((definition: unknown) => api.post<Playbook>('/playbooks', definition));
export const useSavePlaybook = (id: string) => usePlaybookWrite((definition: z.input<typeof PlaybookDefinition>) => api.put<Playbook>(`/playbooks/${id}`, definition));
export const useArchivePlaybook = (id: string) => usePlaybookWrite(() => api.post<Playbook>(`/playbooks/${id}/archive`));
export const useRestorePlaybook = (id: string) => usePlaybookWrite(() => api.post<Playbook>(`/playbooks/${id}/restore`));

export const exportUrl = (id: string) => `/api/v1/playbooks/${id}/export`;
