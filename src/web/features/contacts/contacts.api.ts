import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Contact, ContactInput, ContactListQuery, ContactOverview, ContactPatch } from '../../../contract/contacts.ts';
import { api } from '../../app/api.ts';
import { accountKeys } from '../accounts/accounts.api.ts';

export type { Contact, ContactInput };

export type ContactStatus = ContactListQuery['status'];

export const contactKeys = {
  forAccount: (accountId: string) => ['contacts', accountId] as const,
  list: (accountId: string, status: ContactStatus) => ['contacts', accountId, status] as const,
};

export const useContacts = (accountId: string, status: ContactStatus) =>
  useQuery({
    queryKey: contactKeys.list(accountId, status),
    queryFn: () => api.get<Contact[]>(`/accounts/${accountId}/contacts`, { status }),
  });

/** Contacts change the account's contact count and its organizations' counts too. */
function useContactWrite<TInput, TResult>(accountId: string, write: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contactKeys.forAccount(accountId) });
      void queryClient.invalidateQueries({ queryKey: accountKeys.detail(accountId) });
      void queryClient.invalidateQueries({ queryKey: ['organizations', accountId] });
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'list'] });
    },
  });
}

export const useAddContact = (accountId: string) =>
  useContactWrite(accountId, (input: z.input<typeof ContactInput>) => api.post<Contact>(`/accounts/${accountId}/contacts`, input));
export const useUpdateContact = (accountId: string, id: string) =>
  useContactWrite(accountId, (patch: z.input<typeof ContactPatch>) => api.patch<Contact>(`/contacts/${id}`, patch));
export const useRemoveContact = (accountId: string, id: string) =>
  useContactWrite(accountId, () => api.delete(`/contacts/${id}`));

export const useContactOverview = (id: string) =>
  useQuery({ queryKey: ['contacts', 'overview', id], queryFn: () => api.get<ContactOverview>(`/contacts/${id}/overview`) });
