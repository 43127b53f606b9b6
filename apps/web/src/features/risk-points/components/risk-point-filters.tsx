// The risk points list's filters (the shared bar, see record-filters.tsx): check status, type and
// level; no dates.

import { RISK_CHECK_STATUS_LABELS, RISK_LEVEL_LABELS, RISK_POINT_TYPE_LABELS } from '@dutyboard/contracts/labels';
import {
  RISK_CHECK_STATUSES,
  RISK_LEVELS,
  RISK_POINT_SORTS,
  RISK_POINT_TYPES,
  type RiskPointSort,
} from '@dutyboard/contracts/risk-points';
import { filterOptions, type ListFiltersProps, RecordFilters } from '../../../components/record-filters.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { RiskPointListFilter } from '../../../lib/query-keys.ts';

export const DEFAULT_RISK_POINT_SORT: RiskPointSort = 'nextCheckDueAt';

export function RiskPointFilters(props: ListFiltersProps<RiskPointListFilter>) {
  const { t, nameOf } = useI18n();
  return (
    <RecordFilters
      {...props}
      testId="risk-point-filters"
      selects={[
        {
          param: 'checkStatus',
          testId: 'filter-status',
          label: t('riskPoints.filterStatus'),
          placeholder: t('riskPoints.allStatuses'),
          options: filterOptions(RISK_CHECK_STATUSES, (s) => nameOf(RISK_CHECK_STATUS_LABELS, s)),
        },
        {
          param: 'type',
          testId: 'filter-type',
          label: t('riskPoints.filterType'),
          placeholder: t('riskPoints.allTypes'),
          options: filterOptions(RISK_POINT_TYPES, (type) => nameOf(RISK_POINT_TYPE_LABELS, type)),
        },
        {
          param: 'level',
          testId: 'filter-level',
          label: t('riskPoints.filterLevel'),
          placeholder: t('riskPoints.allLevels'),
          options: filterOptions(RISK_LEVELS, (level) => nameOf(RISK_LEVEL_LABELS, level)),
        },
      ]}
      sort={{
        label: t('riskPoints.filterSort'),
        defaultValue: DEFAULT_RISK_POINT_SORT,
        options: filterOptions(RISK_POINT_SORTS, (s) => t(`riskPoints.sort.${s}`)),
      }}
      clearText={t('riskPoints.clearFilters')}
    />
  );
}
