/** The cache keys of the caller's personal access tokens. */
export const accessTokenKeys = {
  all: ['access-tokens'] as const,
  list: ['access-tokens', 'list'] as const,
};
