import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CadenceStep } from '../../../core/cadence/types.ts';
import { api } from '../../app/api.ts';

export interface Cadence {
  id: string;
  name: string;
  description: string | null;
  touchModels: ('high' | 'medium' | 'digital')[];
  products: string[];
  builtin: boolean;
  steps: CadenceStep[];
  updatedAt: string;
}

export interface MessagePreview {
  subject: string;
  text: string;
  html: string;
  to: string;
  fromName: string;
}

export type PreviewInput = { step: Pick<CadenceStep, 'subject' | 'body' | 'sender'>; contactId?: string | undefined };

export const useCadences = () => useQuery({ queryKey: ['cadences'], queryFn: () => api.get<Cadence[]>('/cadences') });

export function useSaveCadence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cadence: Cadence) =>
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
    mutationFn: (cadence: Pick<Cadence, 'name' | 'description' | 'touchModels' | 'products' | 'steps'>) =>
      api.post<Cadence>('/cadences', cadence),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cadences'] }),
  });
}

export const usePreview = () => useMutation({ mutationFn: (input: PreviewInput) => api.post<MessagePreview>('/cadences/preview', input) });
export const useSendTest = () => useMutation({ mutationFn: (input: PreviewInput) => api.post<{ to: string; subject: string }>('/cadences/test-send', input) });

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
