import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountOnboarding, Journey, JourneyPatch } from '../../../contract/journeys.ts';
import { api } from '../../app/api.ts';

export type { AccountOnboarding, Journey };

export const useJourneys = () => useQuery({ queryKey: ['journeys'], queryFn: () => api.get<Journey[]>('/journeys') });

/** Changes only the fields given (steps keep their ids; paused: false resumes the journey). */
export function usePatchJourney() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: JourneyPatch }) => api.patch<Journey>(`/journeys/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['journeys'] }),
  });
}

export const useAccountOnboarding = (accountId: string) =>
  useQuery({ queryKey: ['accounts', accountId, 'onboarding'], queryFn: () => api.get<AccountOnboarding>(`/accounts/${accountId}/onboarding`) });

