import type { paths } from '@hstf/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { currentUserQuery } from '../../../lib/auth';
import { unwrap } from '../../../lib/request';

type LoginOperation = paths['/api/v1/auth/login']['post'];
export type LoginInput = LoginOperation['requestBody']['content']['application/json'];
export type LoginSession = LoginOperation['responses'][200]['content']['application/json'];

/**
 * POST /api/v1/auth/login. The server sets the httpOnly session cookie; the token in the body is for
 * API clients and is deliberately dropped here. Failures become an ApiError that keeps Retry-After.
 */
export async function login(input: LoginInput): Promise<LoginSession> {
  return unwrap(await fetchClient.POST('/api/v1/auth/login', { body: input }));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    meta: { handlesUnauthorized: true },
    onSuccess: (session) => {
      queryClient.setQueryData(currentUserQuery.queryKey, session.user);
    },
  });
}
