// The list's filters. They live in the URL (see publicity-list.tsx), so this only reads the
// current filter and reports changes.
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import { PUBLICITY_LEVELS, PUBLICITY_SORTS, type PublicitySort } from '@dutyboard/contracts/publicity';
import { Button, DatePicker, Select } from 'antd';
import { OrgSelect } from '../../../components/org-select.tsx';
import { DATE_FORMAT, pickerDay } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { PublicityListFilter } from '../../../lib/query-keys.ts';
import type { FilterPatch } from '../../../lib/use-url-filter.ts';

export const DEFAULT_PUBLICITY_SORT: PublicitySort = '-publishedAt';

interface PublicityFiltersProps {
  filter: PublicityListFilter;
  /** Null when the user reaches a single org (nothing to choose). */
  orgs: OrgUnit[] | null;
  orgsLoading: boolean;
  onChange: (patch: FilterPatch<PublicityListFilter>) => void;
  onClear: () => void;
}

export function PublicityFilters({ filter, orgs, orgsLoading, onChange, onClear }: PublicityFiltersProps) {
  const { t } = useI18n();
  const active = Boolean(filter.org || filter.level || filter.from || filter.to);
  return (
    <div className="db-filters" data-testid="publicity-filters">
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
        aria-label={t('publicity.filterLevel')}
        data-testid="filter-level"
        value={filter.level}
        onChange={(level: string | undefined) => onChange({ level })}
        allowClear
        placeholder={t('publicity.allLevels')}
        options={PUBLICITY_LEVELS.map((level) => ({ value: level, label: t(`publicity.level.${level}`) }))}
        className="db-w-180"
      />
      <DatePicker.RangePicker
        aria-label={t('publicity.filterDates')}
        data-testid="filter-dates"
        format={DATE_FORMAT}
        value={[filter.from ? pickerDay(filter.from) : null, filter.to ? pickerDay(filter.to) : null]}
        allowEmpty={[true, true]}
        placeholder={[t('publicity.startDate'), t('publicity.endDate')]}
        onChange={(range) =>
          onChange({
            from: range?.[0]?.format(DATE_FORMAT) ?? undefined,
            to: range?.[1]?.format(DATE_FORMAT) ?? undefined,
          })
        }
        className="db-w-260"
      />
      <Select<PublicitySort>
        aria-label={t('publicity.filterSort')}
        data-testid="filter-sort"
        value={filter.sort ?? DEFAULT_PUBLICITY_SORT}
        onChange={(sort) => onChange({ sort: sort === DEFAULT_PUBLICITY_SORT ? undefined : sort })}
        options={PUBLICITY_SORTS.map((s) => ({ value: s, label: t(`publicity.sort.${s}`) }))}
        className="db-w-200"
        popupMatchSelectWidth={false}
      />
      {active && (
        <Button onClick={onClear} data-testid="filter-clear">
          {t('publicity.clearFilters')}
        </Button>
      )}
    </div>
  );
}
