import { IdSchema } from '@dutyboard/contracts/common';
import {
  RiskCheckStatusSchema,
  RiskLevelSchema,
  RiskPointSortSchema,
  RiskPointTypeSchema,
} from '@dutyboard/contracts/risk-points';
import { RecordListRoute } from '../../../components/record-list-page.tsx';
import { pathWithQuery } from '../../../lib/links.ts';
import { paramsReader } from '../../../lib/use-url-filter.ts';
import { useRiskPoints } from '../api/get-risk-points.ts';
import { RiskPointFilters } from '../components/risk-point-filters.tsx';
import { RiskPointTable } from '../components/risk-point-table.tsx';

const FILTER = {
  parse: paramsReader({
    org: IdSchema,
    type: RiskPointTypeSchema,
    level: RiskLevelSchema,
    checkStatus: RiskCheckStatusSchema,
    sort: RiskPointSortSchema,
  }),
  keys: ['org', 'type', 'level', 'checkStatus'],
} as const;

export function RiskPointsListRoute() {
  return (
    <RecordListRoute
      read="riskpoint:read"
      write="riskpoint:write"
      filter={FILTER}
      useList={useRiskPoints}
      messages="riskPoints"
      testIds={['risk-point', 'risk-points']}
      newPath={(filter) => pathWithQuery('/risk-points/new', { org: filter.org })}
      Filters={RiskPointFilters}
      Table={RiskPointTable}
      exportList="risk-points"
    />
  );
}
