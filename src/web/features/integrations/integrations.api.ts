import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CalendarFeed,
  CalendarFeedInput,
  CrmSyncInput,
  CrmSyncLogEntry,
  CrmSyncSettings,
  SlackChannel,
  SlackChannelInput,
  SlackConnectInput,
  SlackDelivery,
  SlackSettings,
  SlackSettingsPatch,
} from '../../../contract/integrations.ts';
import { api } from '../../app/api.ts';

export type { CalendarFeed, CrmSyncLogEntry, CrmSyncSettings, SlackChannel, SlackDelivery, SlackSettings };

const slackKey = ['slack'] as const;
const crmKey = ['crm-sync'] as const;
const feedsKey = ['calendar-feeds'] as const;

export const useSlack = () => useQuery({ queryKey: slackKey, queryFn: () => api.get<SlackSettings>('/slack') });
export const useSlackDeliveries = (enabled: boolean) =>
  useQuery({ queryKey: [...slackKey, 'deliveries'], queryFn: () => api.get<SlackDelivery[]>('/slack/deliveries'), enabled });

function useSlackMutation<T, R = unknown>(request: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => queryClient.invalidateQueries({ queryKey: slackKey }) });
}
export const useConnectSlack = () => useSlackMutation((input: z.input<typeof SlackConnectInput>) => api.put<SlackSettings>('/slack', input));
export const useUpdateSlack = () => useSlackMutation((patch: SlackSettingsPatch) => api.patch<SlackSettings>('/slack', patch));
export const useSlackChannels = () => useQuery({ queryKey: [...slackKey, 'channels'], queryFn: () => api.get<SlackChannel[]>('/slack/channels') });
export const useSetSlackChannel = () =>
  useSlackMutation(({ scope, id, input }: { scope: 'project' | 'account'; id: string; input: SlackChannelInput }) => api.put<SlackChannel>(`/slack/channels/${scope}/${id}`, input));
export const useDisconnectSlack = () => useSlackMutation(() => api.delete('/slack'));

export const useCrmSync = () => useQuery({ queryKey: crmKey, queryFn: () => api.get<CrmSyncSettings>('/crm-sync') });
export const useCrmSyncLog = (enabled: boolean) => useQuery({ queryKey: [...crmKey, 'log'], queryFn: () => api.get<CrmSyncLogEntry[]>('/crm-sync/log'), enabled });
export function useSaveCrmSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CrmSyncInput>) => api.put<CrmSyncSettings>('/crm-sync', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: crmKey }),
  });
}

export const useCalendarFeeds = () => useQuery({ queryKey: feedsKey, queryFn: () => api.get<CalendarFeed[]>('/calendar-feeds') });
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CalendarFeedInput) => api.post<CalendarFeed>('/calendar-feeds', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}
export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/calendar-feeds/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}
