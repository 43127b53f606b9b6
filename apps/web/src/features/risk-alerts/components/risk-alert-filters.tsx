// The list's filters. They live in the URL (see risk-alerts-list.tsx), so this only reads the
// current filter and reports changes.
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  ALERT_LEVELS,
  ALERT_STATES,
  RISK_ALERT_DATE_FIELDS,
  RISK_ALERT_FLAGS,
  RISK_ALERT_SORTS,
  type RiskAlertSort,
} from '@dutyboard/contracts/risk-alerts';
import { Button, DatePicker, Select } from 'antd';
import { OrgSelect } from '../../../components/org-select.tsx';
import { DATE_FORMAT, pickerDay } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { RiskAlertListFilter } from '../../../lib/query-keys.ts';
import type { FilterPatch } from '../../../lib/use-url-filter.ts';

/** The filters (not the sort order, which is a preference). */
export const FILTER_KEYS = ['org', 'state', 'level', 'flag', 'dateField', 'from', 'to'] as const;

export function hasFilters(filter: RiskAlertListFilter): boolean {
  return FILTER_KEYS.some((key) => Boolean(filter[key]));
}

interface RiskAlertFiltersProps {
  filter: RiskAlertListFilter;
  /** Null when the user reaches a single org (nothing to choose). */
  orgs: OrgUnit[] | null;
  orgsLoading: boolean;
  onChange: (patch: FilterPatch<RiskAlertListFilter>) => void;
  onClear: () => void;
}

export function RiskAlertFilters({ filter, orgs, orgsLoading, onChange, onClear }: RiskAlertFiltersProps) {
  const { t } = useI18n();
  return (
    <div className="db-filters" data-testid="risk-alert-filters">
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
        aria-label={t('riskAlerts.filterState')}
        data-testid="filter-state"
        value={filter.state}
        onChange={(state: string | undefined) => onChange({ state })}
        allowClear
        placeholder={t('riskAlerts.allStates')}
        options={ALERT_STATES.map((s) => ({ value: s, label: t(`riskAlerts.state.${s}`) }))}
        className="db-w-180"
      />
      <Select
        aria-label={t('riskAlerts.filterLevel')}
        data-testid="filter-level"
        value={filter.level}
        onChange={(level: string | undefined) => onChange({ level })}
        allowClear
        placeholder={t('riskAlerts.allLevels')}
        options={ALERT_LEVELS.map((l) => ({ value: l, label: t(`riskAlerts.level.${l}`) }))}
        className="db-w-180"
      />
      <Select
        aria-label={t('riskAlerts.filterFlag')}
        data-testid="filter-flag"
        value={filter.flag}
        onChange={(flag: string | undefined) => onChange({ flag })}
        allowClear
        placeholder={t('riskAlerts.allFlags')}
        options={RISK_ALERT_FLAGS.map((f) => ({ value: f, label: t(`riskAlerts.flag.${f}`) }))}
        className="db-w-180"
      />
      <Select
        aria-label={t('riskAlerts.filterDateField')}
        data-testid="filter-date-field"
        value={filter.dateField ?? 'registeredAt'}
        onChange={(dateField) => onChange({ dateField: dateField === 'registeredAt' ? undefined : dateField })}
        options={RISK_ALERT_DATE_FIELDS.map((f) => ({ value: f, label: t(`riskAlerts.dateField.${f}`) }))}
        className="db-w-180"
      />
      <DatePicker.RangePicker
        aria-label={t('riskAlerts.filterDates')}
        data-testid="filter-dates"
        format={DATE_FORMAT}
        value={[filter.from ? pickerDay(filter.from) : null, filter.to ? pickerDay(filter.to) : null]}
        allowEmpty={[true, true]}
        placeholder={[t('riskAlerts.startDate'), t('riskAlerts.endDate')]}
        onChange={(range) =>
          onChange({
            from: range?.[0]?.format(DATE_FORMAT) ?? undefined,
            to: range?.[1]?.format(DATE_FORMAT) ?? undefined,
          })
        }
        className="db-w-260"
      />
      <Select<RiskAlertSort>
        aria-label={t('riskAlerts.filterSort')}
        data-testid="filter-sort"
        value={filter.sort ?? '-registeredAt'}
        onChange={(sort) => onChange({ sort: sort === '-registeredAt' ? undefined : sort })}
        options={RISK_ALERT_SORTS.map((s) => ({ value: s, label: t(`riskAlerts.sort.${s}`) }))}
        className="db-w-200"
        popupMatchSelectWidth={false}
      />
      {hasFilters(filter) && (
        <Button onClick={onClear} data-testid="filter-clear">
          {t('riskAlerts.clearFilters')}
        </Button>
      )}
    </div>
  );
}
