import { ActivityCategorySchema, ActivitySortSchema } from '@dutyboard/contracts/activities';
import { IdSchema } from '@dutyboard/contracts/common';
import { RecordListRoute } from '../../../components/record-list-page.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import { LocalDateParam, paramsReader } from '../../../lib/use-url-filter.ts';
import { useActivities } from '../api/get-activities.ts';
import { ActivityFilters } from '../components/activity-filters.tsx';
import { ActivityTable } from '../components/activity-table.tsx';

const FILTER = {
  parse: paramsReader({
    org: IdSchema,
    category: ActivityCategorySchema,
    from: LocalDateParam,
    to: LocalDateParam,
    sort: ActivitySortSchema,
  }),
  keys: ['org', 'category', 'from', 'to'],
} as const;

export function ActivitiesListRoute() {
  return (
    <RecordListRoute
      read="activity:read"
      write="activity:write"
      filter={FILTER}
      useList={useActivities}
      messages="activities"
      testIds={['activity', 'activities']}
      newPath={(filter) => pathWithQuery('/activities/new', { org: filter.org })}
      Filters={ActivityFilters}
      Table={ActivityTable}
      exportList="activities"
    />
  );
}
