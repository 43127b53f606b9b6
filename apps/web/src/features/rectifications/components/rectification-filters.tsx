// The list's filters. They live in the URL (see rectifications-list.tsx), so this only reads the
// current filter and reports changes.
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  RECTIFICATION_DATE_FIELDS,
  RECTIFICATION_SORTS,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
  type RectificationSort,
} from '@dutyboard/contracts/rectifications';
import { Button, DatePicker, Select } from 'antd';
import { OrgSelect } from '../../../components/org-select.tsx';
import { DATE_FORMAT, pickerDay } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { RectificationListFilter } from '../../../lib/query-keys.ts';
import type { FilterPatch } from '../../../lib/use-url-filter.ts';

/** The keys that narrow the list (the sort order is a preference and stays when clearing). */
export const FILTER_KEYS = ['org', 'status', 'source', 'overdue', 'dateField', 'from', 'to'] as const;

export function isFiltered(filter: RectificationListFilter): boolean {
  return Boolean(filter.org || filter.status || filter.source || filter.overdue || filter.from || filter.to);
}

interface RectificationFiltersProps {
  filter: RectificationListFilter;
  /** Null when the user reaches a single org (nothing to choose). */
  orgs: OrgUnit[] | null;
  orgsLoading: boolean;
  onChange: (patch: FilterPatch<RectificationListFilter>) => void;
  onClear: () => void;
}

export function RectificationFilters({ filter, orgs, orgsLoading, onChange, onClear }: RectificationFiltersProps) {
  const { t } = useI18n();
  return (
    <div className="db-filters" data-testid="rectification-filters">
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
        aria-label={t('rectifications.filterStatus')}
        data-testid="filter-status"
        value={filter.status}
        onChange={(status: string | undefined) => onChange({ status })}
        allowClear
        placeholder={t('rectifications.allStatuses')}
        options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: t(`rectifications.status.${s}`) }))}
        className="db-w-180"
      />
      <Select
        aria-label={t('rectifications.filterSource')}
        data-testid="filter-source"
        value={filter.source}
        onChange={(source: string | undefined) => onChange({ source })}
        allowClear
        placeholder={t('rectifications.allSources')}
        options={RECTIFICATION_SOURCES.map((s) => ({ value: s, label: t(`rectifications.source.${s}`) }))}
        className="db-w-180"
      />
      <Select
        aria-label={t('rectifications.filterOverdue')}
        data-testid="filter-overdue"
        value={filter.overdue}
        onChange={(overdue: string | undefined) => onChange({ overdue })}
        allowClear
        placeholder={t('rectifications.filterOverdue')}
        options={[
          { value: 'true', label: t('rectifications.overdueOnly') },
          { value: 'false', label: t('rectifications.notOverdueOnly') },
        ]}
        className="db-w-180"
      />
      <Select
        aria-label={t('rectifications.filterDateField')}
        data-testid="filter-date-field"
        value={filter.dateField ?? 'createdAt'}
        onChange={(dateField) => onChange({ dateField: dateField === 'createdAt' ? undefined : dateField })}
        options={RECTIFICATION_DATE_FIELDS.map((f) => ({ value: f, label: t(`rectifications.dateField.${f}`) }))}
        className="db-w-180"
      />
      <DatePicker.RangePicker
        aria-label={t('rectifications.filterDates')}
        data-testid="filter-dates"
        format={DATE_FORMAT}
        value={[filter.from ? pickerDay(filter.from) : null, filter.to ? pickerDay(filter.to) : null]}
        allowEmpty={[true, true]}
        placeholder={[t('rectifications.startDate'), t('rectifications.endDate')]}
        onChange={(range) =>
          onChange({
            from: range?.[0]?.format(DATE_FORMAT) ?? undefined,
            to: range?.[1]?.format(DATE_FORMAT) ?? undefined,
          })
        }
        className="db-w-260"
      />
      <Select<RectificationSort>
        aria-label={t('rectifications.filterSort')}
        data-testid="filter-sort"
        value={filter.sort ?? '-createdAt'}
        onChange={(sort) => onChange({ sort: sort === '-createdAt' ? undefined : sort })}
        options={RECTIFICATION_SORTS.map((s) => ({ value: s, label: t(`rectifications.sort.${s}`) }))}
        className="db-w-200"
        popupMatchSelectWidth={false}
      />
      {isFiltered(filter) && (
        <Button onClick={onClear} data-testid="filter-clear">
          {t('rectifications.clearFilters')}
        </Button>
      )}
    </div>
  );
}
