import type { paths } from '@hstf/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { unwrap } from '../../../lib/request';
import type { UserAccount } from './get-users';
import { userKeys } from './keys';

export type CreateUserInput = paths['/api/v1/users']['post']['requestBody']['content']['application/json'];
export type UpdateUserInput =
  paths['/api/v1/users/{id}']['patch']['requestBody']['content']['application/json'];

/** POST /api/v1/users (admin). */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateUserInput): Promise<UserAccount> => {
      return unwrap(await fetchClient.POST('/api/v1/users', { body: input }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** PATCH /api/v1/users/:id with the version read (admin). */
export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateUserInput & { version: number }): Promise<UserAccount> => {
      return unwrap(
        await fetchClient.PATCH('/api/v1/users/{id}', {
          params: { path: { id } },
          body: input,
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export type InviteUserInput =
  paths['/api/v1/users/invitations']['post']['requestBody']['content']['application/json'];

/** POST /api/v1/users/invitations (admin): the account, and a one-time link mailed to choose a password. */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: InviteUserInput): Promise<UserAccount> => {
      return unwrap(await fetchClient.POST('/api/v1/users/invitations', { body: input }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
