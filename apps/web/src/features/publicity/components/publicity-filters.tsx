// The publicity list's filters (the shared bar, see record-filters.tsx): level and dates.

import { PUBLICITY_LEVEL_LABELS } from '@dutyboard/contracts/labels';
import { PUBLICITY_LEVELS, PUBLICITY_SORTS, type PublicitySort } from '@dutyboard/contracts/publicity';
import { filterOptions, type ListFiltersProps, RecordFilters } from '../../../components/record-filters.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { PublicityListFilter } from '../../../lib/query-keys.ts';

export const DEFAULT_PUBLICITY_SORT: PublicitySort = '-publishedAt';

export function PublicityFilters(props: ListFiltersProps<PublicityListFilter>) {
  const { t, nameOf } = useI18n();
  return (
    <RecordFilters
      {...props}
      testId="publicity-filters"
      selects={[
        {
          param: 'level',
          testId: 'filter-level',
          label: t('publicity.filterLevel'),
          placeholder: t('publicity.allLevels'),
          options: filterOptions(PUBLICITY_LEVELS, (level) => nameOf(PUBLICITY_LEVEL_LABELS, level)),
        },
      ]}
      dates={{ label: t('publicity.filterDates'), start: t('publicity.startDate'), end: t('publicity.endDate') }}
      sort={{
        label: t('publicity.filterSort'),
        defaultValue: DEFAULT_PUBLICITY_SORT,
        options: filterOptions(PUBLICITY_SORTS, (s) => t(`publicity.sort.${s}`)),
      }}
      clearText={t('publicity.clearFilters')}
    />
  );
}
