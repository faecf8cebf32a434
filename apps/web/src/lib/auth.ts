import type { paths } from '@hstf/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fetchClient } from './api-client';
import { ensureOk, unwrap } from './request';

export type User = paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];

export const SIGN_IN_PATH = '/sign-in';

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
export const currentUserQuery = queryOptions({
  queryKey: ['auth', 'me'] as const,
  queryFn: async ({ signal }): Promise<User | null> => {
    const result = await fetchClient.GET('/api/v1/auth/me', { signal });
    if (result.response.status === 401) return null;
    return unwrap(result);
  },
  staleTime: 5 * 60_000,
  retry: false,
});

/** The data block the API writes into a page it sends to a signed-in reader (apps/api/src/web-app.ts). */
export const CURRENT_USER_DATA_ID = 'current-user-data';

/**
 * The signed-in user the API sent inside the page, taken as the answer of GET /auth/me: the first
 * screen it drew for them stays without waiting for that request. True when there was one.
 */
export function adoptInlinedCurrentUser(queryClient: QueryClient): boolean {
  const block = document.getElementById(CURRENT_USER_DATA_ID);
  if (!block) return false;
  block.remove();
  try {
    queryClient.setQueryData(currentUserQuery.queryKey, JSON.parse(block.textContent ?? '') as User);
    return true;
  } catch {
    // A damaged block: the dashboard asks the API, as it would without one.
    return false;
  }
}

export function useCurrentUser() {
  return useQuery(currentUserQuery);
}

/** Ends the session on the server, forgets every cached answer, and lets the route guard show the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await fetchClient.POST('/api/v1/auth/logout');
      // An expired session is signed out already.
      if (result.response.status !== 401) ensureOk(result);
    },
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(currentUserQuery.queryKey, null);
    },
  });
}

/** Where to go after signing in: only a path of this app, never another origin. */
export function safeRedirectTarget(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === SIGN_IN_PATH || value.startsWith(`${SIGN_IN_PATH}?`)) return '/';
  return value;
}

export function signInPathFor(target: string): string {
  return target === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(target)}`;
}
