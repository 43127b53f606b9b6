// A secretary's newest entries of each kind she logs, for her home: a few of each, newest saved
// first. Keyed under each kind's lists, so saving a record refreshes them.
import { ActivityPageSchema } from '@dutyboard/contracts/activities';
import { StudySessionPageSchema } from '@dutyboard/contracts/study-sessions';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const RECENT_COUNT = 5;

export interface RecentEntry {
  entityType: 'Activity' | 'StudySession';
  id: string;
  title: string;
  occurredAt: string;
  timeKnown: boolean;
  createdAt: string;
}

export function recentActivitiesQueryOptions(enabled: boolean) {
  return queryOptions({
    queryKey: queryKeys.activities.recent(RECENT_COUNT),
    queryFn: ({ signal }) =>
      api.get('/api/activities', {
        query: { sort: '-createdAt', limit: RECENT_COUNT },
        schema: ActivityPageSchema,
        signal,
      }),
    select: (page): RecentEntry[] =>
      page.items.map((a) => ({
        entityType: 'Activity',
        id: a.id,
        title: a.title,
        occurredAt: a.occurredAt,
        timeKnown: a.timeKnown,
        createdAt: a.createdAt,
      })),
    enabled,
  });
}

export function recentStudyQueryOptions(enabled: boolean) {
  return queryOptions({
    queryKey: queryKeys.studySessions.recent(RECENT_COUNT),
    queryFn: ({ signal }) =>
      api.get('/api/study-sessions', {
        query: { sort: '-createdAt', limit: RECENT_COUNT },
        schema: StudySessionPageSchema,
        signal,
      }),
    select: (page): RecentEntry[] =>
      page.items.map((s) => ({
        entityType: 'StudySession',
        id: s.id,
        title: s.topic,
        occurredAt: s.occurredAt,
        timeKnown: s.timeKnown,
        createdAt: s.createdAt,
      })),
    enabled,
  });
}

/** The newest entries of both kinds together (only the kinds `enabled` lets the user read). */
export function useRecentEntries(kinds: { activity: boolean; study: boolean }) {
  const activities = useQuery(recentActivitiesQueryOptions(kinds.activity));
  const study = useQuery(recentStudyQueryOptions(kinds.study));
  const parts = [kinds.activity && activities, kinds.study && study].filter((q) => q !== false);
  const entries = parts
    .flatMap((q) => q.data ?? [])
    // Newest saved first; records saved together (an import) newest held first.
    .sort(
      (a, b) =>
        Date.parse(b.createdAt) - Date.parse(a.createdAt) || Date.parse(b.occurredAt) - Date.parse(a.occurredAt),
    )
    .slice(0, RECENT_COUNT);
  return {
    entries,
    isPending: parts.some((q) => q.isPending),
    error: parts.find((q) => q.isError)?.error ?? null,
    refetch: () => Promise.all(parts.map((q) => q.refetch())),
  };
}
