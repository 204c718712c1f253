import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContactTimeline } from '../../../contract/cadences.ts';
import type { OutboxList, OutboxMessage, OutboxMessageFull } from '../../../contract/mail.ts';
import { api, withQuery } from '../../app/api.ts';

export type OutboxState = OutboxMessage['state'];
/** The states in the order the filter lists them (a copy of the contract's list, so the zod runtime stays out of the bundle). */
export const OUTBOX_STATES = ['scheduled', 'sending', 'sent', 'failed', 'suppressed', 'bounced'] as const satisfies readonly OutboxState[];

export interface OutboxFilters {
  state?: OutboxState | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  offset: number;
}

export const useOutbox = (filters: OutboxFilters) =>
  useQuery({
    queryKey: ['mail', filters],
    queryFn: () => api.get<OutboxList>(withQuery('/mail', { ...filters, limit: 50 })),
    refetchInterval: 10_000,
  });

export const useOutboxMessage = (id: string | undefined) =>
  useQuery({ queryKey: ['mail', 'one', id], queryFn: () => api.get<OutboxMessageFull>(`/mail/${id}`), enabled: Boolean(id) });

export function useRetryMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OutboxMessage>(`/mail/${id}/retry`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mail'] }),
  });
}

export const useContactTimeline = (contactId: string | undefined) =>
  useQuery({
    queryKey: ['mail', 'contact', contactId],
    queryFn: () => api.get<ContactTimeline>(`/contacts/${contactId}/messages`),
    enabled: Boolean(contactId),
  });
