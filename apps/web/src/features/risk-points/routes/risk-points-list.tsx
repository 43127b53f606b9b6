import { IdSchema } from '@dutyboard/contracts/common';
import {
  RiskCheckStatusSchema,
  RiskLevelSchema,
  RiskPointSortSchema,
  RiskPointTypeSchema,
} from '@dutyboard/contracts/risk-points';
import { listTexts, RecordListPage, useListOrgs } from '../../../components/record-list-page.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import type { RiskPointListFilter } from '../../../lib/query-keys.ts';
import { useUrlFilter } from '../../../lib/use-url-filter.ts';
import { useRiskPoints } from '../api/get-risk-points.ts';
import { RiskPointFilters } from '../components/risk-point-filters.tsx';
import { RiskPointTable } from '../components/risk-point-table.tsx';

const FILTER_KEYS = ['org', 'type', 'level', 'checkStatus'] as const;

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): RiskPointListFilter {
  const org = IdSchema.safeParse(params.get('org'));
  const type = RiskPointTypeSchema.safeParse(params.get('type'));
  const level = RiskLevelSchema.safeParse(params.get('level'));
  const checkStatus = RiskCheckStatusSchema.safeParse(params.get('checkStatus'));
  const sort = RiskPointSortSchema.safeParse(params.get('sort'));
  return {
    org: org.success ? org.data : undefined,
    type: type.success ? type.data : undefined,
    level: level.success ? level.data : undefined,
    checkStatus: checkStatus.success ? checkStatus.data : undefined,
    sort: sort.success ? sort.data : undefined,
  };
}

export function RiskPointsListRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const { filter, filtered, changeFilter, clearFilters } = useUrlFilter({ parse: filterFromParams, keys: FILTER_KEYS });
  const allowed = can(me, 'riskpoint:read');
  const canCreate = can(me, 'riskpoint:write');
  const orgs = useListOrgs(allowed);
  const list = useRiskPoints(filter);
  if (!allowed) return <ForbiddenPage />;

  return (
    <RecordListPage
      texts={listTexts(t, 'riskPoints')}
      testIds={{
        new: 'risk-point-new',
        newEmpty: 'risk-point-new-empty',
        empty: 'risk-points-empty',
        allLoaded: 'risk-points-all-loaded',
      }}
      newPath={canCreate ? pathWithQuery('/risk-points/new', { org: filter.org }) : null}
      filtered={filtered}
      onClearFilters={clearFilters}
      filters={
        <RiskPointFilters
          filter={filter}
          orgs={orgs.orgs}
          orgsLoading={orgs.loading}
          onChange={changeFilter}
          onClear={clearFilters}
        />
      }
      exportList={{ list: 'risk-points', query: filter }}
      list={list}
      renderTable={(rows, empty) => <RiskPointTable rows={rows} empty={empty} showOrg={orgs.showOrg} />}
    />
  );
}
