import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreatedInvite, Invite, InviteInput, Member, MemberPatch } from '../../../contract/members.ts';
import { api } from '../../app/api.ts';

export type { CreatedInvite, Invite, Member };

export const memberKeys = {
  members: ['members'] as const,
  invites: ['invites'] as const,
};

export const useMembers = () =>
  useQuery({ queryKey: memberKeys.members, queryFn: () => api.get<Member[]>('/members'), staleTime: 60_000 });

export const useInvites = (enabled = true) =>
  useQuery({ queryKey: memberKeys.invites, queryFn: () => api.get<Invite[]>('/invites'), enabled });

export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string } & z.input<typeof MemberPatch>) => api.patch<Member>(`/members/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.members }),
  });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/members/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.members }),
  });
}

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof InviteInput>) => api.post<CreatedInvite>('/invites', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.invites }),
  });
}

export function useRevokeInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/invites/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.invites }),
  });
}
