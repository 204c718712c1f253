import type { MemberRole } from '../../../core/people.ts';
import { api, isApiError, setCsrfToken } from '../../app/api.ts';

export interface Member {
  id: string;
  name: string;
  email: string;
  role: MemberRole;
  createdAt: string;
}

export interface Workspace {
  id: string;
  name: string;
  timezone: string;
  /** ISO weekdays, Monday = 1 … Sunday = 7. */
  workingWeekdays: number[];
  holidays: string[];
}

export interface SessionInfo {
  member: Member;
  workspace: Workspace;
  csrfToken: string;
}

export interface InvitationPreview {
  email: string;
  role: MemberRole;
  workspaceName: string;
  expiresAt: string;
}

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

export const signIn = (input: { email: string; password: string }) => api.post<SessionInfo>('/session', input);
export const signOut = () => api.delete('/session');
export const fetchSetupStatus = () => api.get<{ needsSetup: boolean }>('/setup');
export const setUp = (input: { workspaceName: string; name: string; email: string; password: string; timezone: string }) =>
  api.post<SessionInfo>('/setup', input);
export const fetchInvitation = (token: string) => api.get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`);
export const acceptInvitation = (token: string, input: { name: string; password: string }) =>
  api.post<SessionInfo>(`/invitations/${encodeURIComponent(token)}/accept`, input);
