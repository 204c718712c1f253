import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CustomerTask, EscalationSettings, EscalationSettingsInput, LadderStep, ProjectEscalation } from '../../../contract/escalation.ts';
import { api } from '../../app/api.ts';

export type { CustomerTask, EscalationSettings, LadderStep, ProjectEscalation };

const settingsKey = ['escalation', 'settings'] as const;
export const projectEscalationKey = (projectId: string) => ['escalation', 'project', projectId] as const;

export const useEscalationSettings = () => useQuery({ queryKey: settingsKey, queryFn: () => api.get<EscalationSettings>('/escalation/settings') });

export function useSaveEscalationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof EscalationSettingsInput>) => api.put<EscalationSettings>('/escalation/settings', input),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKey, settings);
      void queryClient.invalidateQueries({ queryKey: ['escalation', 'project'] });
    },
  });
}
