// /risk-points/checks (排查记录): every check in reach, by org, days, result and on time or late.
// The dashboard's RISK_POINT_CHECK figure drills here (onTime=true, the period's days, the org),
// and the filter bar shows that filter, so the list is visibly the records counted.
import { IdSchema, recordListQueryFields } from '@dutyboard/contracts/common';
import { RiskCheckResultSchema, RiskPointCheckSortSchema } from '@dutyboard/contracts/risk-points';
import { RecordListRoute } from '../../../components/record-list-page.tsx';
import { FlagParam, LocalDateParam, paramsReader } from '../../../lib/use-url-filter.ts';
import { useRiskPointCheckList } from '../api/get-risk-point-checks.ts';
import { CheckFilters } from '../components/check-filters.tsx';
import { CheckTable } from '../components/check-table.tsx';

const FILTER = {
  parse: paramsReader({
    org: IdSchema,
    // The org's own checks only: a duty of the calendar drills here so (ADR 045).
    own: recordListQueryFields.own,
    result: RiskCheckResultSchema,
    onTime: FlagParam,
    from: LocalDateParam,
    to: LocalDateParam,
    sort: RiskPointCheckSortSchema,
  }),
  keys: ['org', 'own', 'result', 'onTime', 'from', 'to'],
} as const;

export function RiskPointChecksListRoute() {
  // A check is recorded on its point's page, not here: no "new".
  return (
    <RecordListRoute
      read="riskpoint:read"
      filter={FILTER}
      useList={useRiskPointCheckList}
      messages="riskPoints.checksList"
      testIds={['check', 'checks-list']}
      Filters={CheckFilters}
      Table={CheckTable}
      exportList="risk-point-checks"
    />
  );
}
