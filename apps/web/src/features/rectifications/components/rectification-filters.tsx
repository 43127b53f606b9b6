// The rectifications list's filters (the shared bar, see record-filters.tsx): status, done or not
// (the dashboard's RECTIFICATION_OPEN figure drills here with open=true), source, overdue and which
// date the range applies to.

import { RECTIFICATION_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS } from '@dutyboard/contracts/labels';
import {
  RECTIFICATION_DATE_FIELDS,
  RECTIFICATION_SORTS,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
  type RectificationSort,
} from '@dutyboard/contracts/rectifications';
import {
  filterOptions,
  type ListFiltersProps,
  RecordFilters,
  yesNoSelect,
} from '../../../components/record-filters.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { RectificationListFilter } from '../../../lib/query-keys.ts';

export function RectificationFilters(props: ListFiltersProps<RectificationListFilter>) {
  const { t, nameOf } = useI18n();
  return (
    <RecordFilters
      {...props}
      testId="rectification-filters"
      selects={[
        {
          param: 'status',
          testId: 'filter-status',
          label: t('rectifications.filterStatus'),
          placeholder: t('rectifications.allStatuses'),
          options: filterOptions(RECTIFICATION_STATUSES, (s) => nameOf(RECTIFICATION_STATUS_LABELS, s)),
        },
        yesNoSelect('open', 'filter-open', t('rectifications.filterOpen'), {
          yes: t('rectifications.openOnly'),
          no: t('rectifications.doneOnly'),
        }),
        {
          param: 'source',
          testId: 'filter-source',
          label: t('rectifications.filterSource'),
          placeholder: t('rectifications.allSources'),
          options: filterOptions(RECTIFICATION_SOURCES, (s) => nameOf(RECTIFICATION_SOURCE_LABELS, s)),
        },
        yesNoSelect('overdue', 'filter-overdue', t('rectifications.filterOverdue'), {
          yes: t('rectifications.overdueOnly'),
          no: t('rectifications.notOverdueOnly'),
        }),
        {
          param: 'dateField',
          testId: 'filter-date-field',
          label: t('rectifications.filterDateField'),
          defaultValue: 'createdAt' satisfies (typeof RECTIFICATION_DATE_FIELDS)[number],
          options: filterOptions(RECTIFICATION_DATE_FIELDS, (f) => t(`rectifications.dateField.${f}`)),
        },
      ]}
      dates={{
        label: t('rectifications.filterDates'),
        start: t('rectifications.startDate'),
        end: t('rectifications.endDate'),
      }}
      sort={{
        label: t('rectifications.filterSort'),
        defaultValue: '-createdAt' satisfies RectificationSort,
        options: filterOptions(RECTIFICATION_SORTS, (s) => t(`rectifications.sort.${s}`)),
      }}
      clearText={t('rectifications.clearFilters')}
    />
  );
}
