// The list's filters. They live in the URL (see study-sessions-list.tsx), so this only reads the
// current filter and reports changes.
import type { OrgUnit } from '@dutyboard/contracts/orgs';
import {
  STUDY_KINDS,
  STUDY_SESSION_SORTS,
  STUDY_TOPICS,
  type StudySessionSort,
} from '@dutyboard/contracts/study-sessions';
import { Button, DatePicker, Select } from 'antd';
import { OrgSelect } from '../../../components/org-select.tsx';
import { DATE_FORMAT, pickerDay } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { StudySessionListFilter } from '../../../lib/query-keys.ts';
import type { FilterPatch } from '../../../lib/use-url-filter.ts';

interface StudyFiltersProps {
  filter: StudySessionListFilter;
  /** Null when the user reaches a single org (nothing to choose). */
  orgs: OrgUnit[] | null;
  orgsLoading: boolean;
  onChange: (patch: FilterPatch<StudySessionListFilter>) => void;
  onClear: () => void;
}

export function StudyFilters({ filter, orgs, orgsLoading, onChange, onClear }: StudyFiltersProps) {
  const { t } = useI18n();
  const active = Boolean(filter.org || filter.kind || filter.topicCategory || filter.from || filter.to);
  return (
    <div className="db-filters" data-testid="study-filters">
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
        aria-label={t('studySessions.filterKind')}
        data-testid="filter-kind"
        value={filter.kind}
        onChange={(kind: string | undefined) => onChange({ kind })}
        allowClear
        placeholder={t('studySessions.allKinds')}
        options={STUDY_KINDS.map((k) => ({ value: k, label: t(`studySessions.kind.${k}`) }))}
        className="db-w-180"
      />
      <Select
        aria-label={t('studySessions.filterTopic')}
        data-testid="filter-topic"
        value={filter.topicCategory}
        onChange={(topicCategory: string | undefined) => onChange({ topicCategory })}
        allowClear
        placeholder={t('studySessions.allTopics')}
        options={STUDY_TOPICS.map((c) => ({ value: c, label: t(`studySessions.topic.${c}`) }))}
        className="db-w-180"
      />
      <DatePicker.RangePicker
        aria-label={t('studySessions.filterDates')}
        data-testid="filter-dates"
        format={DATE_FORMAT}
        value={[filter.from ? pickerDay(filter.from) : null, filter.to ? pickerDay(filter.to) : null]}
        allowEmpty={[true, true]}
        placeholder={[t('studySessions.startDate'), t('studySessions.endDate')]}
        onChange={(range) =>
          onChange({
            from: range?.[0]?.format(DATE_FORMAT) ?? undefined,
            to: range?.[1]?.format(DATE_FORMAT) ?? undefined,
          })
        }
        className="db-w-260"
      />
      <Select<StudySessionSort>
        aria-label={t('studySessions.filterSort')}
        data-testid="filter-sort"
        value={filter.sort ?? '-occurredAt'}
        onChange={(sort) => onChange({ sort: sort === '-occurredAt' ? undefined : sort })}
        options={STUDY_SESSION_SORTS.map((s) => ({ value: s, label: t(`studySessions.sort.${s}`) }))}
        className="db-w-200"
        popupMatchSelectWidth={false}
      />
      {active && (
        <Button onClick={onClear} data-testid="filter-clear">
          {t('studySessions.clearFilters')}
        </Button>
      )}
    </div>
  );
}
