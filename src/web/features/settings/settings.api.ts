import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberRole } from '../../../core/people.ts';
import { api } from '../../app/api.ts';
import { sessionKey, type SessionInfo, type Workspace } from '../auth/auth.api.ts';

export interface ApiToken {
  id: string;
  name: string;
  role: MemberRole;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiToken extends ApiToken {
  /** The secret; the server shows it this once. */
  token: string;
}

const tokensKey = ['api-tokens'] as const;

export const useWorkspace = () => useQuery({ queryKey: ['workspace'], queryFn: () => api.get<Workspace>('/workspace') });

export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Omit<Workspace, 'id'>>) => api.patch<Workspace>('/workspace', patch),
    onSuccess: (workspace) => {
      queryClient.setQueryData(['workspace'], workspace);
      // The sidebar shows the workspace name from the session.
      queryClient.setQueryData<SessionInfo | null>(sessionKey, (session) => (session ? { ...session, workspace } : session));
    },
  });
}

export const useApiTokens = () => useQuery({ queryKey: tokensKey, queryFn: () => api.get<ApiToken[]>('/api-tokens') });

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: MemberRole }) => api.post<CreatedApiToken>('/api-tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api-tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
