import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EscalationAction } from '../../../core/reminders/ladder.ts';
import { api } from '../../app/api.ts';

export interface LadderStep {
  overdueDays: number;
  action: EscalationAction;
  enabled: boolean;
}

export interface EscalationSettings {
  enabled: boolean;
  steps: LadderStep[];
  defaults: LadderStep[];
}

export interface CustomerTask {
  taskId: string;
  title: string;
  dueOn: string;
  overdueDays: number;
  assigneeName: string | null;
}

export interface ProjectEscalation {
  enabled: boolean;
  today: string;
  stalledSince: string | null;
  episode: { startedOn: string; overdueDays: number; steps: (LadderStep & { label: string; firedOn: string | null })[] } | null;
  lastEpisode: { startedOn: string; endedOn: string; endReason: string | null } | null;
  overdueTasks: CustomerTask[];
  dueSoon: CustomerTask[];
  describe: string | null;
}

const settingsKey = ['escalation', 'settings'] as const;
export const projectEscalationKey = (projectId: string) => ['escalation', 'project', projectId] as const;

export const useEscalationSettings = () => useQuery({ queryKey: settingsKey, queryFn: () => api.get<EscalationSettings>('/escalation/settings') });

export function useSaveEscalationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { enabled: boolean; steps: LadderStep[] }) => api.put<EscalationSettings>('/escalation/settings', input),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKey, settings);
      void queryClient.invalidateQueries({ queryKey: ['escalation', 'project'] });
    },
  });
}
