import { RectificationSchema } from '@dutyboard/contracts/rectifications';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getRectification(id: string, signal?: AbortSignal) {
  return api.get(`/api/rectifications/${encodeURIComponent(id)}`, { schema: RectificationSchema, signal });
}

export function rectificationQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.rectifications.detail(id),
    queryFn: ({ signal }) => getRectification(id, signal),
  });
}

export function useRectification(id: string) {
  return useQuery(rectificationQueryOptions(id));
}
