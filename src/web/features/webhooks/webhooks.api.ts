import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointInput, WebhookEndpointPatch, WebhookEndpointWithSecret } from '../../../contract/webhooks.ts';
import { api } from '../../app/api.ts';

export type { WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret };

const endpointsKey = ['webhook-endpoints'] as const;
const deliveriesKey = ['webhook-deliveries'] as const;

export const useWebhookEndpoints = () => useQuery({ queryKey: endpointsKey, queryFn: () => api.get<WebhookEndpoint[]>('/webhook-endpoints') });

export const useWebhookDeliveries = (endpointId: string | undefined) =>
  useQuery({ queryKey: [...deliveriesKey, endpointId ?? 'all'], queryFn: () => api.get<WebhookDelivery[]>('/webhook-deliveries', { endpointId, limit: 50 }) });

/** Every webhook change refreshes the endpoints and the log (a test or replay adds to it; a 410 disables). */
function useWebhookMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: endpointsKey });
      await queryClient.invalidateQueries({ queryKey: deliveriesKey });
    },
  });
}

export const useCreateWebhookEndpoint = () => useWebhookMutation((input: WebhookEndpointInput) => api.post<WebhookEndpointWithSecret>('/webhook-endpoints', input));
export const useUpdateWebhookEndpoint = () =>
  useWebhookMutation(({ id, patch }: { id: string; patch: WebhookEndpointPatch }) => api.patch<WebhookEndpoint>(`/webhook-endpoints/${id}`, patch));
export const useDeleteWebhookEndpoint = () => useWebhookMutation((id: string) => api.delete(`/webhook-endpoints/${id}`));
export const useRotateWebhookSecret = () =>
  useWebhookMutation(({ id, overlapHours }: { id: string; overlapHours: number }) => api.post<WebhookEndpointWithSecret>(`/webhook-endpoints/${id}/rotate-secret`, { overlapHours }));
export const useSendTestEvent = () => useWebhookMutation((id: string) => api.post<WebhookDelivery>(`/webhook-endpoints/${id}/test`, {}));
export const useReplayDelivery = () => useWebhookMutation((id: string) => api.post<WebhookDelivery>(`/webhook-deliveries/${id}/replay`, {}));
