// The list's filters. They live in the URL (see risk-points-list.tsx), so this only reads the
// current filter and reports changes.
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  RISK_CHECK_STATUSES,
  RISK_LEVELS,
  RISK_POINT_SORTS,
  RISK_POINT_TYPES,
  type RiskPointSort,
} from '@dutyboard/contracts/risk-points';
import { Button, Select } from 'antd';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { RiskPointListFilter } from '../../../lib/query-keys.ts';
import type { FilterPatch } from '../../../lib/use-url-filter.ts';

export const DEFAULT_RISK_POINT_SORT: RiskPointSort = 'nextCheckDueAt';

interface RiskPointFiltersProps {
  filter: RiskPointListFilter;
  /** Null when the user reaches a single org (nothing to choose). */
  orgs: OrgUnit[] | null;
  orgsLoading: boolean;
  onChange: (patch: FilterPatch<RiskPointListFilter>) => void;
  onClear: () => void;
}

export function RiskPointFilters({ filter, orgs, orgsLoading, onChange, onClear }: RiskPointFiltersProps) {
  const { t } = useI18n();
  const active = Boolean(filter.org || filter.type || filter.level || filter.checkStatus);
  return (
    <div className="db-filters" data-testid="risk-point-filters">
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
        aria-label={t('riskPoints.filterStatus')}
        data-testid="filter-status"
        value={filter.checkStatus}
        onChange={(checkStatus: string | undefined) => onChange({ checkStatus })}
        allowClear
        placeholder={t('riskPoints.allStatuses')}
        options={RISK_CHECK_STATUSES.map((s) => ({ value: s, label: t(`riskPoints.status.${s}`) }))}
        className="db-w-180"
      />
      <Select
        aria-label={t('riskPoints.filterType')}
        data-testid="filter-type"
        value={filter.type}
        onChange={(type: string | undefined) => onChange({ type })}
        allowClear
        placeholder={t('riskPoints.allTypes')}
        options={RISK_POINT_TYPES.map((type) => ({ value: type, label: t(`riskPoints.type.${type}`) }))}
        className="db-w-180"
      />
      <Select
        aria-label={t('riskPoints.filterLevel')}
        data-testid="filter-level"
        value={filter.level}
        onChange={(level: string | undefined) => onChange({ level })}
        allowClear
        placeholder={t('riskPoints.allLevels')}
        options={RISK_LEVELS.map((level) => ({ value: level, label: t(`riskPoints.level.${level}`) }))}
        className="db-w-180"
      />
      <Select<RiskPointSort>
        aria-label={t('riskPoints.filterSort')}
        data-testid="filter-sort"
        value={filter.sort ?? DEFAULT_RISK_POINT_SORT}
        onChange={(sort) => onChange({ sort: sort === DEFAULT_RISK_POINT_SORT ? undefined : sort })}
        options={RISK_POINT_SORTS.map((s) => ({ value: s, label: t(`riskPoints.sort.${s}`) }))}
        className="db-w-200"
        popupMatchSelectWidth={false}
      />
      {active && (
        <Button onClick={onClear} data-testid="filter-clear">
          {t('riskPoints.clearFilters')}
        </Button>
      )}
    </div>
  );
}
