import { ActivityCategorySchema, ActivitySortSchema } from '@dutyboard/contracts/activities';
import { IdSchema } from '@dutyboard/contracts/common';
import { listTexts, RecordListPage, useListOrgs } from '../../../components/record-list-page.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { isLocalDate } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import type { ActivityListFilter } from '../../../lib/query-keys.ts';
import { useUrlFilter } from '../../../lib/use-url-filter.ts';
import { useActivities } from '../api/get-activities.ts';
import { ActivityFilters } from '../components/activity-filters.tsx';
import { ActivityTable } from '../components/activity-table.tsx';

const FILTER_KEYS = ['org', 'category', 'from', 'to'] as const;

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): ActivityListFilter {
  const org = IdSchema.safeParse(params.get('org'));
  const category = ActivityCategorySchema.safeParse(params.get('category'));
  const sort = ActivitySortSchema.safeParse(params.get('sort'));
  const from = params.get('from');
  const to = params.get('to');
  return {
    org: org.success ? org.data : undefined,
    category: category.success ? category.data : undefined,
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
    sort: sort.success ? sort.data : undefined,
  };
}

export function ActivitiesListRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const { filter, filtered, changeFilter, clearFilters } = useUrlFilter({ parse: filterFromParams, keys: FILTER_KEYS });
  const allowed = can(me, 'activity:read');
  const canCreate = can(me, 'activity:write');
  const orgs = useListOrgs(allowed);
  const list = useActivities(filter);
  if (!allowed) return <ForbiddenPage />;

  return (
    <RecordListPage
      texts={listTexts(t, 'activities')}
      testIds={{
        new: 'activity-new',
        newEmpty: 'activity-new-empty',
        empty: 'activities-empty',
        allLoaded: 'activities-all-loaded',
      }}
      newPath={canCreate ? pathWithQuery('/activities/new', { org: filter.org }) : null}
      filtered={filtered}
      onClearFilters={clearFilters}
      filters={
        <ActivityFilters
          filter={filter}
          orgs={orgs.orgs}
          orgsLoading={orgs.loading}
          onChange={changeFilter}
          onClear={clearFilters}
        />
      }
      exportList={{ list: 'activities', query: filter }}
      list={list}
      renderTable={(rows, empty) => <ActivityTable rows={rows} empty={empty} showOrg={orgs.showOrg} />}
    />
  );
}
