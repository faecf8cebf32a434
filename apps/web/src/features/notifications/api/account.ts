import { useMutation } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { ensureOk } from '../../../lib/request';

/** POST /api/v1/auth/password-reset: the same answer whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: async (email: string) =>
      ensureOk(await fetchClient.POST('/api/v1/auth/password-reset', { body: { email } })),
  });
}

/** POST /api/v1/auth/password with the token of an invitation or reset link. */
export function useSetPassword() {
  return useMutation({
    mutationFn: async (body: { token: string; password: string }) =>
      ensureOk(await fetchClient.POST('/api/v1/auth/password', { body })),
  });
}
