// The checks list's filters (the shared bar, see record-filters.tsx): result, on time or late, and
// the Shanghai days of the check.

import { RISK_CHECK_RESULT_LABELS } from '@dutyboard/contracts/labels';
import { RISK_CHECK_RESULTS, RISK_POINT_CHECK_SORTS, type RiskPointCheckSort } from '@dutyboard/contracts/risk-points';
import {
  filterOptions,
  type ListFiltersProps,
  RecordFilters,
  yesNoSelect,
} from '../../../components/record-filters.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { RiskPointCheckListFilter } from '../../../lib/query-keys.ts';

export function CheckFilters(props: ListFiltersProps<RiskPointCheckListFilter>) {
  const { t, nameOf } = useI18n();
  return (
    <RecordFilters
      {...props}
      testId="check-filters"
      selects={[
        {
          param: 'result',
          testId: 'filter-result',
          label: t('riskPoints.checksList.filterResult'),
          placeholder: t('riskPoints.checksList.allResults'),
          options: filterOptions(RISK_CHECK_RESULTS, (r) => nameOf(RISK_CHECK_RESULT_LABELS, r)),
        },
        yesNoSelect('onTime', 'filter-on-time', t('riskPoints.checksList.filterOnTime'), {
          yes: t('riskPoints.onTime.true'),
          no: t('riskPoints.onTime.false'),
        }),
      ]}
      dates={{
        label: t('riskPoints.checksList.filterDates'),
        start: t('riskPoints.checksList.startDate'),
        end: t('riskPoints.checksList.endDate'),
      }}
      sort={{
        label: t('riskPoints.checksList.filterSort'),
        defaultValue: '-checkedAt' satisfies RiskPointCheckSort,
        options: filterOptions(RISK_POINT_CHECK_SORTS, (s) => t(`riskPoints.checksList.sort.${s}`)),
      }}
      clearText={t('riskPoints.checksList.clearFilters')}
    />
  );
}
