// 待补学: the members of 中心组 sessions in reach who missed one and have not made it up (ADR 051).
import { MakeUpsOwedSchema } from '@dutyboard/contracts/study-sessions';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getMakeUpsOwed(org: string | undefined, signal?: AbortSignal) {
  const query = org ? `?${new URLSearchParams({ org }).toString()}` : '';
  return api.get(`/api/study-sessions/make-ups-owed${query}`, { schema: MakeUpsOwedSchema, signal });
}

export function makeUpsOwedQueryOptions(org: string | undefined) {
  return queryOptions({
    queryKey: queryKeys.studySessions.owed(org),
    queryFn: ({ signal }) => getMakeUpsOwed(org, signal),
  });
}

export function useMakeUpsOwed(org: string | undefined) {
  return useQuery(makeUpsOwedQueryOptions(org));
}
