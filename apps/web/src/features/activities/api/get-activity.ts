import { ActivitySchema } from '@dutyboard/contracts/activities';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getActivity(id: string, signal?: AbortSignal) {
  return api.get(`/api/activities/${encodeURIComponent(id)}`, { schema: ActivitySchema, signal });
}

export function activityQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.activities.detail(id),
    queryFn: ({ signal }) => getActivity(id, signal),
  });
}

export function useActivity(id: string) {
  return useQuery(activityQueryOptions(id));
}
