import type { z } from 'zod';
import type { SessionInfo, SignInInput } from '../../../contract/auth.ts';
import type { SsoDiscovery } from '../../../contract/sso.ts';
import type { AcceptInviteInput, InvitePreview, Member } from '../../../contract/members.ts';
import type { SetupInput, SetupStatus, Workspace } from '../../../contract/workspaces.ts';
import { api, isApiError, setCsrfToken, withQuery } from '../../app/api.ts';

export type { Member, SessionInfo, Workspace };

export const sessionKey = ['session'] as const;

/** The signed-in member, or null when nobody is signed in. */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await api.get<SessionInfo>('/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error, 401)) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export const signIn = (input: z.input<typeof SignInInput>) => api.post<SessionInfo>('/session', input);
export const signOut = () => api.delete('/session');
export const fetchSetupStatus = () => api.get<SetupStatus>('/setup');
export const setUp = (input: z.input<typeof SetupInput>) =>
  api.post<SessionInfo>('/setup', input);
export const fetchInvitation = (token: string) => api.get<InvitePreview>(`/invitations/${encodeURIComponent(token)}`);
export const acceptInvitation = (token: string, input: z.input<typeof AcceptInviteInput>) =>
  api.post<SessionInfo>(`/invitations/${encodeURIComponent(token)}/accept`, input);

/** The identity provider that signs in people of this email domain, or of the workspace with this slug. */
export const discoverSso = (query: { email?: string; workspace?: string }) => api.get<SsoDiscovery>(withQuery('/sso/discover', query));
