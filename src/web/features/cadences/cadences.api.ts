import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Cadence, CadenceInput, CadenceSettings, CadenceStats, MessagePreview, MessagePreviewInput, TestSent } from '../../../contract/cadences.ts';
import { api } from '../../app/api.ts';

export type { Cadence };

export const useCadenceSettings = () => useQuery({ queryKey: ['cadences', 'settings'], queryFn: () => api.get<CadenceSettings>('/cadences/settings') });

export function useSaveCadenceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: CadenceSettings) => api.put<CadenceSettings>('/cadences/settings', settings),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cadences', 'settings'] }),
  });
}

export const useCadences = () => useQuery({ queryKey: ['cadences'], queryFn: () => api.get<Cadence[]>('/cadences') });

export function useSaveCadence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cadence: Pick<Cadence, 'id'> & z.input<typeof CadenceInput>) =>
      api.put<Cadence>(`/cadences/${cadence.id}`, {
        name: cadence.name,
        description: cadence.description,
        touchModels: cadence.touchModels,
        products: cadence.products,
        steps: cadence.steps,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cadences'] }),
  });
}

/** A new cadence, usually a copy of one that comes close, to adapt. */
export function useCreateCadence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cadence: z.input<typeof CadenceInput>) =>
      api.post<Cadence>('/cadences', cadence),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cadences'] }),
  });
}

export const usePreview = () => useMutation({ mutationFn: (input: z.input<typeof MessagePreviewInput>) => api.post<MessagePreview>('/cadences/preview', input) });
export const useSendTest = () => useMutation({ mutationFn: (input: z.input<typeof MessagePreviewInput>) => api.post<TestSent>('/cadences/test-send', input) });

export const useContactChoices = () =>
  useQuery({
    queryKey: ['cadences', 'contact-choices'],
    queryFn: async () => {
      const accounts = await api.get<{ items: { id: string; name: string }[] }>('/accounts?limit=20');
      const choices: { id: string; label: string }[] = [];
      for (const account of accounts.items.slice(0, 20)) {
        const contacts = await api.get<{ id: string; name: string }[]>(`/accounts/${account.id}/contacts?status=current`);
        for (const contact of contacts) choices.push({ id: contact.id, label: `${contact.name} (${account.name})` });
      }
      return choices;
    },
    staleTime: 60_000,
  });

export const useCadenceStats = (id: string | undefined) =>
  useQuery({ queryKey: ['cadences', 'stats', id], queryFn: () => api.get<CadenceStats>(`/cadences/${id}/stats`), enabled: Boolean(id) });

export function usePauseCadence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, paused }: { id: string; paused: boolean }) => api.post<Cadence>(`/cadences/${id}/pause`, { paused }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cadences'] }),
  });
}
