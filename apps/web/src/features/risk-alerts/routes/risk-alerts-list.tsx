import { IdSchema } from '@dutyboard/contracts/common';
import {
  AlertLevelSchema,
  AlertStateSchema,
  RiskAlertDateFieldSchema,
  RiskAlertFlagSchema,
  RiskAlertSortSchema,
} from '@dutyboard/contracts/risk-alerts';
import { RecordListRoute } from '../../../components/record-list-page.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import { LocalDateParam, paramsReader } from '../../../lib/use-url-filter.ts';
import { useRiskAlerts } from '../api/get-risk-alerts.ts';
import { RiskAlertFilters } from '../components/risk-alert-filters.tsx';
import { RiskAlertTable } from '../components/risk-alert-table.tsx';

const FILTER = {
  parse: paramsReader({
    org: IdSchema,
    state: AlertStateSchema,
    level: AlertLevelSchema,
    flag: RiskAlertFlagSchema,
    dateField: RiskAlertDateFieldSchema,
    from: LocalDateParam,
    to: LocalDateParam,
    sort: RiskAlertSortSchema,
  }),
  keys: ['org', 'state', 'level', 'flag', 'dateField', 'from', 'to'],
} as const;

export function RiskAlertsListRoute() {
  return (
    <RecordListRoute
      read="alert:read"
      write="alert:register"
      filter={FILTER}
      useList={useRiskAlerts}
      messages="riskAlerts"
      testIds={['risk-alert', 'risk-alerts']}
      newPath={(filter) => pathWithQuery('/risk-alerts/new', { org: filter.org })}
      newWhenFiltered={false}
      Filters={RiskAlertFilters}
      Table={RiskAlertTable}
      exportList="risk-alerts"
    />
  );
}
