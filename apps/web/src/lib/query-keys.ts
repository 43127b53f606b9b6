// Every query key in one place, so a mutation in one feature can invalidate another feature's
// reads (saving an activity refreshes the dashboard) through the very keys those reads use.
import type { ListActivitiesQuery } from '@dutyboard/contracts/activities';
import type { DashboardQuery } from '@dutyboard/contracts/dashboard';

export type ActivityListFilter = Omit<ListActivitiesQuery, 'cursor' | 'limit'>;

export const queryKeys = {
  me: ['me'] as const,
  orgs: ['orgs'] as const,
  /** Every user (ADMIN): GET /api/users. */
  users: ['users'] as const,
  dashboard: {
    all: ['dashboard'] as const,
    detail: (query: DashboardQuery) => ['dashboard', query] as const,
  },
  activities: {
    all: ['activities'] as const,
    lists: ['activities', 'list'] as const,
    list: (filter: ActivityListFilter) => ['activities', 'list', filter] as const,
    detail: (id: string) => ['activities', 'detail', id] as const,
  },
};
