import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { canWrite } from '../../core/people.ts';
import { setCsrfToken } from './api.ts';
import { sessionKey, signOut, type SessionInfo } from '../features/auth/auth.api.ts';

const SessionContext = createContext<SessionInfo | null>(null);

export function SessionProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in member and workspace. Only used inside the signed-in part of the app. */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the signed-in app');
  return session;
}

/** Leaders look at everything but change nothing: create and edit buttons hide for them. */
export const useCanWrite = (): boolean => canWrite(useSession().member.role);
export const useIsAdmin = (): boolean => useSession().member.role === 'admin';

/** After sign-in, setup or accepting an invitation: the app switches to the signed-in view. */
export function rememberSession(queryClient: QueryClient, session: SessionInfo): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionKey, session);
}

export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(undefined);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, null);
}

export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await signOut();
    } finally {
      forgetSession(queryClient);
    }
  }, [queryClient]);
}
