import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContactRole } from '../../../core/people.ts';
import { api } from '../../app/api.ts';
import { accountKeys } from '../accounts/accounts.api.ts';

export interface Contact {
  id: string;
  accountId: string;
  organizationId: string | null;
  name: string;
  email: string;
  title: string | null;
  role: ContactRole;
  timezone: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactInput {
  name: string;
  email: string;
  title: string | null;
  role: ContactRole;
  organizationId: string | null;
  timezone: string | null;
  joinedOn: string | null;
  leftOn: string | null;
}

export type ContactStatus = 'current' | 'left' | 'all';

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
  useContactWrite(accountId, (input: ContactInput) => api.post<Contact>(`/accounts/${accountId}/contacts`, input));
export const useUpdateContact = (accountId: string, id: string) =>
  useContactWrite(accountId, (patch: Partial<ContactInput>) => api.patch<Contact>(`/contacts/${id}`, patch));
export const useRemoveContact = (accountId: string, id: string) =>
  useContactWrite(accountId, () => api.delete(`/contacts/${id}`));
