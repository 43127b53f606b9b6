import { StudySessionSchema } from '@dutyboard/contracts/study-sessions';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function getStudySession(id: string, signal?: AbortSignal) {
  return api.get(`/api/study-sessions/${encodeURIComponent(id)}`, { schema: StudySessionSchema, signal });
}

export function studySessionQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.studySessions.detail(id),
    queryFn: ({ signal }) => getStudySession(id, signal),
  });
}

export function useStudySession(id: string) {
  return useQuery(studySessionQueryOptions(id));
}
