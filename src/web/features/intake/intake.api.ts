import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export interface IntakeDelivery {
  id: string;
  source: 'api' | 'webhook' | 'hubspot' | 'salesforce';
  dealId: string;
  status: 'processed' | 'failed';
  error: string | null;
  accountId: string | null;
  projectId: string | null;
  attempts: number;
  receivedAt: string;
  processedAt: string | null;
  payload: { company?: { name?: string } } | null;
}

export interface IntakeSettings {
  webhookSecret: string;
  hubspotClientSecret: string | null;
  salesforceOrganizationId: string | null;
  endpoints: { deals: string; hubspot: string; salesforce: string };
}

const deliveriesKey = ['intake', 'deliveries'] as const;
const settingsKey = ['intake', 'settings'] as const;

export const useDeliveries = (status?: 'failed') =>
  useQuery({ queryKey: [...deliveriesKey, status ?? 'all'], queryFn: () => api.get<IntakeDelivery[]>('/intake/deliveries', { status }) });

export const useIntakeSettings = (enabled: boolean) =>
  useQuery({ queryKey: settingsKey, queryFn: () => api.get<IntakeSettings>('/intake/settings'), enabled });

export function useReplayDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ projectId: string; created: boolean }>(`/intake/deliveries/${id}/replay`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesKey }),
  });
}

export function useUpdateIntakeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: { hubspotClientSecret?: string | null; salesforceOrganizationId?: string | null; rotateWebhookSecret?: boolean }) =>
      api.patch<IntakeSettings>('/intake/settings', patch),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });
}
