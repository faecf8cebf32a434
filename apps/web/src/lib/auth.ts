import type { paths } from '@hstf/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
