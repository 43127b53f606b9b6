import { IdSchema } from '@dutyboard/contracts/common';
import {
  AlertLevelSchema,
  AlertStateSchema,
  RiskAlertDateFieldSchema,
  RiskAlertFlagSchema,
  RiskAlertSortSchema,
} from '@dutyboard/contracts/risk-alerts';
import { listTexts, RecordListPage, useListOrgs } from '../../../components/record-list-page.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { isLocalDate } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import type { RiskAlertListFilter } from '../../../lib/query-keys.ts';
import { useUrlFilter } from '../../../lib/use-url-filter.ts';
import { useRiskAlerts } from '../api/get-risk-alerts.ts';
import { FILTER_KEYS, hasFilters, RiskAlertFilters } from '../components/risk-alert-filters.tsx';
import { RiskAlertTable } from '../components/risk-alert-table.tsx';

/** The filter the URL describes; anything malformed is ignored rather than sent. */
function filterFromParams(params: URLSearchParams): RiskAlertListFilter {
  const pick = <T,>(result: { success: boolean; data?: T }) => (result.success ? result.data : undefined);
  const from = params.get('from');
  const to = params.get('to');
  return {
    org: pick(IdSchema.safeParse(params.get('org'))),
    state: pick(AlertStateSchema.safeParse(params.get('state'))),
    level: pick(AlertLevelSchema.safeParse(params.get('level'))),
    flag: pick(RiskAlertFlagSchema.safeParse(params.get('flag'))),
    dateField: pick(RiskAlertDateFieldSchema.safeParse(params.get('dateField'))),
    from: isLocalDate(from) ? from : undefined,
    to: isLocalDate(to) ? to : undefined,
    sort: pick(RiskAlertSortSchema.safeParse(params.get('sort'))),
  };
}

export function RiskAlertsListRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const { filter, filtered, changeFilter, clearFilters } = useUrlFilter({
    parse: filterFromParams,
    keys: FILTER_KEYS,
    isFiltered: hasFilters,
  });
  const allowed = can(me, 'alert:read');
  const canRegister = can(me, 'alert:register');
  const orgs = useListOrgs(allowed);
  const list = useRiskAlerts(filter);
  if (!allowed) return <ForbiddenPage />;

  return (
    <RecordListPage
      texts={listTexts(t, 'riskAlerts')}
      testIds={{
        new: 'risk-alert-new',
        newEmpty: 'risk-alert-new-empty',
        empty: 'risk-alerts-empty',
        allLoaded: 'risk-alerts-all-loaded',
      }}
      newPath={canRegister ? pathWithQuery('/risk-alerts/new', { org: filter.org }) : null}
      newWhenFiltered={false}
      filtered={filtered}
      onClearFilters={clearFilters}
      filters={
        <RiskAlertFilters
          filter={filter}
          orgs={orgs.orgs}
          orgsLoading={orgs.loading}
          onChange={changeFilter}
          onClear={clearFilters}
        />
      }
      exportList={{ list: 'risk-alerts', query: filter }}
      list={list}
      renderTable={(rows, empty) => <RiskAlertTable rows={rows} empty={empty} showOrg={orgs.showOrg} />}
    />
  );
}
