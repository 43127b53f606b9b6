// The risk alerts list's filters (the shared bar, see record-filters.tsx): state, level, flag and
// which date the range applies to.

import { ALERT_LEVEL_LABELS, ALERT_STATE_LABELS } from '@dutyboard/contracts/labels';
import {
  ALERT_LEVELS,
  ALERT_STATES,
  RISK_ALERT_DATE_FIELDS,
  RISK_ALERT_FLAGS,
  RISK_ALERT_SORTS,
  type RiskAlertSort,
} from '@dutyboard/contracts/risk-alerts';
import { filterOptions, type ListFiltersProps, RecordFilters } from '../../../components/record-filters.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { RiskAlertListFilter } from '../../../lib/query-keys.ts';

export function RiskAlertFilters(props: ListFiltersProps<RiskAlertListFilter>) {
  const { t, nameOf } = useI18n();
  return (
    <RecordFilters
      {...props}
      testId="risk-alert-filters"
      selects={[
        {
          param: 'state',
          testId: 'filter-state',
          label: t('riskAlerts.filterState'),
          placeholder: t('riskAlerts.allStates'),
          options: filterOptions(ALERT_STATES, (s) => nameOf(ALERT_STATE_LABELS, s)),
        },
        {
          param: 'level',
          testId: 'filter-level',
          label: t('riskAlerts.filterLevel'),
          placeholder: t('riskAlerts.allLevels'),
          options: filterOptions(ALERT_LEVELS, (l) => nameOf(ALERT_LEVEL_LABELS, l)),
        },
        {
          param: 'flag',
          testId: 'filter-flag',
          label: t('riskAlerts.filterFlag'),
          placeholder: t('riskAlerts.allFlags'),
          options: filterOptions(RISK_ALERT_FLAGS, (f) => t(`riskAlerts.flag.${f}`)),
        },
        {
          param: 'dateField',
          testId: 'filter-date-field',
          label: t('riskAlerts.filterDateField'),
          defaultValue: 'registeredAt' satisfies (typeof RISK_ALERT_DATE_FIELDS)[number],
          options: filterOptions(RISK_ALERT_DATE_FIELDS, (f) => t(`riskAlerts.dateField.${f}`)),
        },
      ]}
      dates={{ label: t('riskAlerts.filterDates'), start: t('riskAlerts.startDate'), end: t('riskAlerts.endDate') }}
      sort={{
        label: t('riskAlerts.filterSort'),
        defaultValue: '-registeredAt' satisfies RiskAlertSort,
        options: filterOptions(RISK_ALERT_SORTS, (s) => t(`riskAlerts.sort.${s}`)),
      }}
      clearText={t('riskAlerts.clearFilters')}
    />
  );
}
