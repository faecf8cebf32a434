import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { currentUserQuery } from '../lib/auth';
import { statusOf } from '../lib/problem';

/** A 401 on any call means the session ended: forget the user, and the route guard shows the sign-in page. */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (statusOf(error) === 401) queryClient.setQueryData(currentUserQuery.queryKey, null);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // The sign-in form handles its own 401 (wrong password).
        if (mutation.options.meta?.['handlesUnauthorized']) return;
        onError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          const status = statusOf(error);
          if (status !== null && status >= 400 && status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
  return queryClient;
}
