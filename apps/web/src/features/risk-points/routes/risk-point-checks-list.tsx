// /risk-points/checks (排查记录): every check in reach, by org, days, result and on time or late.
// The dashboard's RISK_POINT_CHECK figure drills here (onTime=true, the period's days, the org),
// and the filter bar shows that filter, so the list is visibly the records counted.
import { IdSchema } from '@dutyboard/contracts/common';
import { RiskCheckResultSchema, RiskPointCheckSortSchema } from '@dutyboard/contracts/risk-points';
import { listTexts, RecordListPage, useListOrgs } from '../../../components/record-list-page.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { isLocalDate } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { RiskPointCheckListFilter } from '../../../lib/query-keys.ts';
import { useUrlFilter } from '../../../lib/use-url-filter.ts';
import { useRiskPointCheckList } from '../api/get-risk-point-checks.ts';
import { CHECK_FILTER_KEYS, CheckFilters } from '../components/check-filters.tsx';
import { CheckTable } from '../components/check-table.tsx';

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function checkFilterFromParams(params: URLSearchParams): RiskPointCheckListFilter {
  const org = IdSchema.safeParse(params.get('org'));
  const result = RiskCheckResultSchema.safeParse(params.get('result'));
  const sort = RiskPointCheckSortSchema.safeParse(params.get('sort'));
  const onTime = params.get('onTime');
  const from = params.get('from');
  const to = params.get('to');
  return {
    org: org.success ? org.data : undefined,
    result: result.success ? result.data : undefined,
    onTime: onTime === 'true' || onTime === 'false' ? onTime : undefined,
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
    sort: sort.success ? sort.data : undefined,
  };
}

export function RiskPointChecksListRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const { filter, filtered, changeFilter, clearFilters } = useUrlFilter({
    parse: checkFilterFromParams,
    keys: CHECK_FILTER_KEYS,
  });
  const allowed = can(me, 'riskpoint:read');
  const orgs = useListOrgs(allowed);
  const list = useRiskPointCheckList(filter, { enabled: allowed });
  if (!allowed) return <ForbiddenPage />;

  return (
    <RecordListPage
      texts={listTexts(t, 'riskPoints.checksList')}
      testIds={{
        new: 'check-new',
        newEmpty: 'check-new-empty',
        empty: 'checks-list-empty',
        allLoaded: 'checks-list-all-loaded',
      }}
      // A check is recorded on its point's page, not here.
      newPath={null}
      filtered={filtered}
      onClearFilters={clearFilters}
      filters={
        <CheckFilters
          filter={filter}
          orgs={orgs.orgs}
          orgsLoading={orgs.loading}
          onChange={changeFilter}
          onClear={clearFilters}
        />
      }
      exportList={{ list: 'risk-point-checks', query: filter }}
      list={list}
      renderTable={(rows, empty) => <CheckTable rows={rows} empty={empty} showOrg={orgs.showOrg} />}
    />
  );
}
