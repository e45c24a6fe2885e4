/**
 * Who is signed in: one query (GET /api/auth/session, 401 = nobody) shared by the router's guards
 * and the screens. Signing in or out replaces it and refreshes the CSRF token the client sends.
 */
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken, type Session, type User } from './api.ts';

export const sessionQueryKey = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get('/api/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: fetchSession,
  staleTime: 5 * 60 * 1000,
  retry: 1,
});

export function useSession(): Session | null {
  return useQuery(sessionQuery).data ?? null;
}

/** The signed-in user; only for screens behind the router's sign-in guard. */
export function useUser(): User {
  const session = useSession();
  if (!session) throw new Error('useUser on a screen without a signed-in user');
  return session.user;
}

export async function signIn(queryClient: QueryClient, username: string, password: string): Promise<Session> {
  const session = await api.post('/api/auth/login', { body: { username, password } });
  setCsrfToken(session.csrfToken);
  queryClient.clear();
  queryClient.setQueryData(sessionQueryKey, session);
  return session;
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(sessionQueryKey, null);
  }
}

/** Called when any request answers 401: the session has ended (expired, or signed out elsewhere). */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.setQueryData(sessionQueryKey, null);
}
