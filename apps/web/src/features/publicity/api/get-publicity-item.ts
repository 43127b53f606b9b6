import { PublicityItemSchema } from '@dutyboard/contracts/publicity';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getPublicityItem(id: string, signal?: AbortSignal) {
  return api.get(`/api/publicity/${encodeURIComponent(id)}`, { schema: PublicityItemSchema, signal });
}

export function publicityItemQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.publicity.detail(id),
    queryFn: ({ signal }) => getPublicityItem(id, signal),
  });
}

export function usePublicityItem(id: string) {
  return useQuery(publicityItemQueryOptions(id));
}
