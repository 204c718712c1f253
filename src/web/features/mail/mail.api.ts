import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api.ts';

export const OUTBOX_STATES = ['scheduled', 'sending', 'sent', 'failed', 'suppressed', 'bounced'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxMessage {
  id: string;
  kind: 'transactional' | 'automated' | 'test';
  channel: 'email' | 'portal';
  state: OutboxState;
  reason: string | null;
  lastError: string | null;
  to: string;
  fromName: string | null;
  subject: string;
  messageId: string;
  projectId: string | null;
  contactId: string | null;
  stepName: string | null;
  priority: 'high' | 'normal' | 'low' | null;
  dueAt: string | null;
  sendAfter: string;
  sentAt: string | null;
  attempts: number;
  interruptedAttempts: number;
}

export interface OutboxMessageFull extends OutboxMessage {
  text: string;
  html: string | null;
}

export interface OutboxList {
  messages: OutboxMessage[];
  total: number;
  countsByState: Record<string, number>;
  smtpConfigured: boolean;
}

export interface OutboxFilters {
  state?: OutboxState | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  offset: number;
}

export interface PlannedMessage {
  projectId: string;
  stepId: string;
  stepName: string;
  contactName: string;
  to: string;
  dueAt: string;
  skip: string | null;
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
    mutationFn: (id: string) => api.post<OutboxMessageFull>(`/mail/${id}/retry`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mail'] }),
  });
}

export const useContactTimeline = (contactId: string | undefined) =>
  useQuery({
    queryKey: ['mail', 'contact', contactId],
    queryFn: () => api.get<{ messages: OutboxMessage[]; planned: PlannedMessage[] }>(`/contacts/${contactId}/messages`),
    enabled: Boolean(contactId),
  });
