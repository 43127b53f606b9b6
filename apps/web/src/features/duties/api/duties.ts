// Reads of the calendar of duties (GET /api/duties/calendar): one org's year, with its children's
// lines when a 区 looks at its 街道 (below=1).
import { DutyCalendarSchema } from '@dutyboard/contracts/duties';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getDutyCalendar(year: number, org: string | undefined, below: boolean, signal?: AbortSignal) {
  return api.get('/api/duties/calendar', {
    query: { year: String(year), org, below: below ? '1' : undefined },
    schema: DutyCalendarSchema,
    signal,
  });
}

export function dutyCalendarQueryOptions(year: number, org: string | undefined, below: boolean) {
  return queryOptions({
    queryKey: queryKeys.duties.calendar(year, org, below),
    queryFn: ({ signal }) => getDutyCalendar(year, org, below, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDutyCalendar(year: number, org: string | undefined, below: boolean) {
  return useQuery(dutyCalendarQueryOptions(year, org, below));
}
