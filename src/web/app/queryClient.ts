import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api.ts';

/** The query client of both entries (staff app and customer portal), so they retry and refresh alike. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache(),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Client errors (404, 403, 400) will not fix themselves by asking again.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
}
