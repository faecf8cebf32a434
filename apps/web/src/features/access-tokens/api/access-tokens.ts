import type { components } from '@hstf/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchClient } from '../../../lib/api-client';
import { allPages, ensureOk, unwrap } from '../../../lib/request';
import { accessTokenKeys } from './keys';

export type AccessToken = components['schemas']['AccessTokenDto'];
export type CreatedAccessToken = components['schemas']['CreatedAccessTokenDto'];
export type CreateAccessTokenInput = components['schemas']['CreateAccessTokenRequest'];

/** GET /api/v1/access-tokens: the signed-in user's tokens, whole (a user holds a few). */
export const accessTokensQueryOptions = queryOptions({
  queryKey: accessTokenKeys.list,
  queryFn: ({ signal }) =>
    allPages(async (cursor) =>
      unwrap(
        await fetchClient.GET('/api/v1/access-tokens', {
          params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      ),
    ),
});

export function useAccessTokens() {
  return useQuery(accessTokensQueryOptions);
}

/** POST /api/v1/access-tokens: the answer carries the secret, this once. */
export function useCreateAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateAccessTokenInput): Promise<CreatedAccessToken> =>
      unwrap(await fetchClient.POST('/api/v1/access-tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessTokenKeys.all }),
  });
}

/** DELETE /api/v1/access-tokens/{id}: the token stops working at once. */
export function useRevokeAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      ensureOk(await fetchClient.DELETE('/api/v1/access-tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessTokenKeys.all }),
  });
}
