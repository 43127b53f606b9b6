import { IdSchema } from '@dutyboard/contracts/common';
import {
  RectificationDateFieldSchema,
  RectificationSortSchema,
  RectificationSourceSchema,
  RectificationStatusSchema,
} from '@dutyboard/contracts/rectifications';
import { listTexts, RecordListPage, useListOrgs } from '../../../components/record-list-page.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { isLocalDate } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import type { RectificationListFilter } from '../../../lib/query-keys.ts';
import { useUrlFilter } from '../../../lib/use-url-filter.ts';
import { useRectifications } from '../api/get-rectifications.ts';
import { FILTER_KEYS, isFiltered, RectificationFilters } from '../components/rectification-filters.tsx';
import { RectificationTable } from '../components/rectification-table.tsx';

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): RectificationListFilter {
  const org = IdSchema.safeParse(params.get('org'));
  const status = RectificationStatusSchema.safeParse(params.get('status'));
  const source = RectificationSourceSchema.safeParse(params.get('source'));
  const dateField = RectificationDateFieldSchema.safeParse(params.get('dateField'));
  const sort = RectificationSortSchema.safeParse(params.get('sort'));
  const overdue = params.get('overdue');
  const open = params.get('open');
  const from = params.get('from');
  const to = params.get('to');
  return {
    org: org.success ? org.data : undefined,
    status: status.success ? status.data : undefined,
    source: source.success ? source.data : undefined,
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    open: open === 'true' || open === 'false' ? open : undefined,
    dateField: dateField.success && dateField.data !== 'createdAt' ? dateField.data : undefined,
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
    sort: sort.success ? sort.data : undefined,
  };
}

export function RectificationsListRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const { filter, filtered, changeFilter, clearFilters } = useUrlFilter({
    parse: filterFromParams,
    keys: FILTER_KEYS,
    // The date field alone does not narrow the list (only with a range).
    isFiltered,
  });
  const allowed = can(me, 'rectification:read');
  const canCreate = can(me, 'rectification:write');
  const orgs = useListOrgs(allowed);
  const list = useRectifications(filter);
  if (!allowed) return <ForbiddenPage />;

  return (
    <RecordListPage
      texts={listTexts(t, 'rectifications')}
      testIds={{
        new: 'rectification-new',
        newEmpty: 'rectification-new-empty',
        empty: 'rectifications-empty',
        allLoaded: 'rectifications-all-loaded',
      }}
      newPath={canCreate ? pathWithQuery('/rectifications/new', { org: filter.org }) : null}
      filtered={filtered}
      onClearFilters={clearFilters}
      filters={
        <RectificationFilters
          filter={filter}
          orgs={orgs.orgs}
          orgsLoading={orgs.loading}
          onChange={changeFilter}
          onClear={clearFilters}
        />
      }
      exportList={{ list: 'rectifications', query: filter }}
      list={list}
      renderTable={(rows, empty) => <RectificationTable rows={rows} empty={empty} showOrg={orgs.showOrg} />}
    />
  );
}
