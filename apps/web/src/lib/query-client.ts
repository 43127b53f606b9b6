import type { Me } from '@dutyboard/contracts/auth';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client.ts';
import { queryKeys } from './query-keys.ts';
import { noteSessionEnded } from './session-end.ts';

/**
 * A 4xx will not change on retry; network failures and 5xx get two more tries. A 401 from any
 * request means the session is gone: forgetting `me` makes the auth guard send the user to the
 * sign-in page with the current place in `?next=`, which then says the session ended
 * (lib/session-end.ts).
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED') {
      const signedIn = client.getQueryData<Me | null>(queryKeys.me);
      if (signedIn) noteSessionEnded(signedIn.id);
      client.setQueryData(queryKeys.me, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
