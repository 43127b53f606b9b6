// The list's filters. They live in the URL (see activities-list.tsx), so this only reads the
// current filter and reports changes.
import { ACTIVITY_CATEGORIES, ACTIVITY_SORTS, type ActivitySort } from '@dutyboard/contracts/activities';
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { Button, DatePicker, Select } from 'antd';
import { OrgSelect } from '../../../components/org-select.tsx';
import { DATE_FORMAT, pickerDay } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { ActivityListFilter } from '../../../lib/query-keys.ts';
import type { FilterPatch } from '../../../lib/use-url-filter.ts';

interface ActivityFiltersProps {
  filter: ActivityListFilter;
  /** Null when the user reaches a single org (nothing to choose). */
  orgs: OrgUnit[] | null;
  orgsLoading: boolean;
  onChange: (patch: FilterPatch<ActivityListFilter>) => void;
  onClear: () => void;
}

export function ActivityFilters({ filter, orgs, orgsLoading, onChange, onClear }: ActivityFiltersProps) {
  const { t } = useI18n();
  const active = Boolean(filter.org || filter.category || filter.from || filter.to);
  return (
    <div className="db-filters" data-testid="activity-filters">
      {orgs && (
        <OrgSelect
          testId="filter-org"
          orgs={orgs}
          loading={orgsLoading}
          value={filter.org}
          onChange={(org) => onChange({ org })}
          allowClear
          placeholder={t('org.allInScope')}
          className="db-w-220"
        />
      )}
      <Select
        aria-label={t('activities.filterCategory')}
        data-testid="filter-category"
        value={filter.category}
        onChange={(category: string | undefined) => onChange({ category })}
        allowClear
        placeholder={t('activities.allCategories')}
        options={ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        className="db-w-180"
      />
      <DatePicker.RangePicker
        aria-label={t('activities.filterDates')}
        data-testid="filter-dates"
        format={DATE_FORMAT}
        value={[filter.from ? pickerDay(filter.from) : null, filter.to ? pickerDay(filter.to) : null]}
        allowEmpty={[true, true]}
        placeholder={[t('activities.startDate'), t('activities.endDate')]}
        onChange={(range) =>
          onChange({
            from: range?.[0]?.format(DATE_FORMAT) ?? undefined,
            to: range?.[1]?.format(DATE_FORMAT) ?? undefined,
          })
        }
        className="db-w-260"
      />
      <Select<ActivitySort>
        aria-label={t('activities.filterSort')}
        data-testid="filter-sort"
        value={filter.sort ?? '-occurredAt'}
        onChange={(sort) => onChange({ sort: sort === '-occurredAt' ? undefined : sort })}
        options={ACTIVITY_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        className="db-w-200"
        popupMatchSelectWidth={false}
      />
      {active && (
        <Button onClick={onClear} data-testid="filter-clear">
          {t('activities.clearFilters')}
        </Button>
      )}
    </div>
  );
}
