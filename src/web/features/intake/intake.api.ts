import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { IntakeDelivery, IntakeResult, IntakeSettings, IntakeSettingsPatch } from '../../../contract/intake.ts';
import { api } from '../../app/api.ts';

export type { IntakeDelivery, IntakeSettings };

const deliveriesKey = ['intake', 'deliveries'] as const;
const settingsKey = ['intake', 'settings'] as const;

export const useDeliveries = (status?: 'failed') =>
  useQuery({ queryKey: [...deliveriesKey, status ?? 'all'], queryFn: () => api.get<IntakeDelivery[]>('/intake/deliveries', { status }) });

export const useIntakeSettings = (enabled: boolean) =>
  useQuery({ queryKey: settingsKey, queryFn: () => api.get<IntakeSettings>('/intake/settings'), enabled });

export function useReplayDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<IntakeResult>(`/intake/deliveries/${id}/replay`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveriesKey }),
  });
}

export function useUpdateIntakeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.input<typeof IntakeSettingsPatch>) =>
      api.patch<IntakeSettings>('/intake/settings', patch),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });
}
