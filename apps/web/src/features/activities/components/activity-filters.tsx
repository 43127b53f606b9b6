// The activities list's filters (the shared bar, see record-filters.tsx): category and dates.
import { ACTIVITY_CATEGORIES, ACTIVITY_SORTS, type ActivitySort } from '@dutyboard/contracts/activities';
import { ACTIVITY_CATEGORY_LABELS } from '@dutyboard/contracts/labels';
import { filterOptions, type ListFiltersProps, RecordFilters } from '../../../components/record-filters.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { ActivityListFilter } from '../../../lib/query-keys.ts';

export function ActivityFilters(props: ListFiltersProps<ActivityListFilter>) {
  const { t, nameOf } = useI18n();
  return (
    <RecordFilters
      {...props}
      testId="activity-filters"
      selects={[
        {
          param: 'category',
          testId: 'filter-category',
          label: t('activities.filterCategory'),
          placeholder: t('activities.allCategories'),
          options: filterOptions(ACTIVITY_CATEGORIES, (c) => nameOf(ACTIVITY_CATEGORY_LABELS, c)),
        },
      ]}
      dates={{ label: t('activities.filterDates'), start: t('activities.startDate'), end: t('activities.endDate') }}
      sort={{
        label: t('activities.filterSort'),
        defaultValue: '-occurredAt' satisfies ActivitySort,
        options: filterOptions(ACTIVITY_SORTS, (s) => t(`sort.${s}`)),
      }}
      clearText={t('activities.clearFilters')}
    />
  );
}
