import { IdSchema } from '@dutyboard/contracts/common';
import { PublicityLevelSchema, PublicitySortSchema } from '@dutyboard/contracts/publicity';
import { listTexts, RecordListPage, useListOrgs } from '../../../components/record-list-page.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { isLocalDate } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import type { PublicityListFilter } from '../../../lib/query-keys.ts';
import { useUrlFilter } from '../../../lib/use-url-filter.ts';
import { usePublicityList } from '../api/get-publicity-list.ts';
import { PublicityFilters } from '../components/publicity-filters.tsx';
import { PublicityTable } from '../components/publicity-table.tsx';

const FILTER_KEYS = ['org', 'level', 'from', 'to'] as const;

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): PublicityListFilter {
  const org = IdSchema.safeParse(params.get('org'));
  const level = PublicityLevelSchema.safeParse(params.get('level'));
  const sort = PublicitySortSchema.safeParse(params.get('sort'));
  const from = params.get('from');
  const to = params.get('to');
  return {
    org: org.success ? org.data : undefined,
    level: level.success ? level.data : undefined,
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
    sort: sort.success ? sort.data : undefined,
  };
}

export function PublicityListRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const { filter, filtered, changeFilter, clearFilters } = useUrlFilter({ parse: filterFromParams, keys: FILTER_KEYS });
  const allowed = can(me, 'publicity:read');
  const canCreate = can(me, 'publicity:write');
  const orgs = useListOrgs(allowed);
  const list = usePublicityList(filter);
  if (!allowed) return <ForbiddenPage />;

  return (
    <RecordListPage
      texts={listTexts(t, 'publicity')}
      testIds={{
        new: 'publicity-new',
        newEmpty: 'publicity-new-empty',
        empty: 'publicity-empty',
        allLoaded: 'publicity-all-loaded',
      }}
      newPath={canCreate ? pathWithQuery('/publicity/new', { org: filter.org }) : null}
      filtered={filtered}
      onClearFilters={clearFilters}
      filters={
        <PublicityFilters
          filter={filter}
          orgs={orgs.orgs}
          orgsLoading={orgs.loading}
          onChange={changeFilter}
          onClear={clearFilters}
        />
      }
      exportList={{ list: 'publicity', query: filter }}
      list={list}
      renderTable={(rows, empty) => <PublicityTable rows={rows} empty={empty} showOrg={orgs.showOrg} />}
    />
  );
}
