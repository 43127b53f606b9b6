// The 操作日志's filters (the shared bar, record-filters.tsx): who, what kind, which action, days.
import { AUDIT_ACTION_LABELS, OPLOG_FIELD_LABELS, THING_LABELS } from '@dutyboard/contracts/labels';
import { AUDIT_ACTIONS, OPLOG_KINDS } from '@dutyboard/contracts/oplog';
import { filterOptions, type ListFiltersProps, RecordFilters } from '../../../components/record-filters.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import type { OplogListFilter } from '../../../lib/query-keys.ts';
import { useOplogActors } from '../api/oplog.ts';

export function OplogFilters(props: ListFiltersProps<OplogListFilter>) {
  const { t, nameOf } = useI18n();
  const actors = useOplogActors(true);
  return (
    <RecordFilters
      {...props}
      // The log covers the whole trail, not an org's records: no org select.
      orgs={null}
      testId="oplog-filters"
      selects={[
        {
          param: 'user',
          testId: 'filter-user',
          label: nameOf(OPLOG_FIELD_LABELS, 'actor'),
          placeholder: t('oplog.allUsers'),
          options: (actors.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName })),
        },
        {
          param: 'kind',
          testId: 'filter-kind',
          label: nameOf(OPLOG_FIELD_LABELS, 'kind'),
          placeholder: t('oplog.allKinds'),
          options: filterOptions(OPLOG_KINDS, (k) => nameOf(THING_LABELS, k)),
        },
        {
          param: 'action',
          testId: 'filter-action',
          label: nameOf(OPLOG_FIELD_LABELS, 'action'),
          placeholder: t('oplog.allActions'),
          options: filterOptions(AUDIT_ACTIONS, (a) => nameOf(AUDIT_ACTION_LABELS, a)),
        },
      ]}
      dates={{ label: t('oplog.filterDates'), start: t('oplog.startDate'), end: t('oplog.endDate') }}
      clearText={t('oplog.clearFilters')}
    />
  );
}
