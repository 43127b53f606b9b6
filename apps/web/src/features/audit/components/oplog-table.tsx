// The 操作日志's rows: when, who, what was done to what (a link to the record where it still has a
// page), in which org, and how many fields it changed. On a phone one column says it all.
import { type EntityType, EntityTypeSchema } from '@dutyboard/contracts/attachments';
import { AUDIT_ACTION_LABELS, labelOf, OPLOG_FIELD_LABELS, THING_LABELS } from '@dutyboard/contracts/labels';
import type { OplogEntry } from '@dutyboard/contracts/oplog';
import { type TableColumnsType, Tag } from 'antd';
import { dateTimeColumn, listTable, RowLink } from '../../../components/record-table.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import type { Lang, Translate } from '../../../lib/i18n.ts';
import { recordPath } from '../../../lib/record-links.ts';

const ACTION_COLOR: Partial<Record<string, string>> = {
  CREATE: 'green',
  UPDATE: 'blue',
  DELETE: 'red',
  TRANSITION: 'purple',
  CLOSE: 'cyan',
  CORRECT: 'magenta',
  LOGIN_FAILED: 'orange',
  LOGIN_THROTTLED: 'orange',
  ACCESS_DENIED: 'red',
};

const label = (table: Record<string, { zh: string; en: string }>, value: string, lang: Lang) =>
  Object.hasOwn(table, value) ? (table[value]?.[lang] ?? value) : value;

function ActionTag({ action, lang }: { action: string; lang: Lang }) {
  return (
    <Tag color={ACTION_COLOR[action]} style={{ marginInlineEnd: 0 }}>
      {label(AUDIT_ACTION_LABELS, action, lang)}
    </Tag>
  );
}

/** The thing acted on: its kind, a link to its page when it is a record that still exists. */
function Subject({ row, lang }: { row: OplogEntry; lang: Lang }) {
  const kind = label(THING_LABELS, row.entityType, lang);
  const record = EntityTypeSchema.safeParse(row.entityType);
  if (record.success && row.entityId && row.action !== 'DELETE') {
    return <RowLink to={recordPath(record.data as EntityType, row.entityId)}>{kind}</RowLink>;
  }
  return <span>{kind}</span>;
}

/** A column's or filter's name, as the log's export names it too (contracts OPLOG_FIELD_LABELS). */
const field = (key: keyof typeof OPLOG_FIELD_LABELS, lang: Lang) => labelOf(OPLOG_FIELD_LABELS, key, lang);

const actorText = (row: OplogEntry, lang: Lang) => row.actorName ?? field('noActor', lang);
const fieldsText = (row: OplogEntry, t: Translate) =>
  row.fields.length > 0 ? t('oplog.fieldsChanged', { count: row.fields.length }) : '';

export const OplogTable = listTable<OplogEntry>({
  testId: 'oplog-table',
  width: 860,
  compact: (t, _showOrg, lang) => [
    {
      key: 'summary',
      title: t('oplog.colEvent'),
      render: (_: unknown, row) => (
        <div data-testid="oplog-row" data-action={row.action}>
          <ActionTag action={row.action} lang={lang} /> <Subject row={row} lang={lang} />
          <div className="db-row-meta">
            <span>{formatDateTime(row.at)}</span> <span>{actorText(row, lang)}</span>
            {row.orgName ? <span>{row.orgName}</span> : null}
          </div>
        </div>
      ),
    },
  ],
  full: (t, _showOrg, lang): TableColumnsType<OplogEntry> => [
    dateTimeColumn<OplogEntry>('at', field('at', lang), 150),
    { key: 'actor', title: field('actor', lang), width: 130, render: (_: unknown, row) => actorText(row, lang) },
    {
      key: 'action',
      title: field('action', lang),
      width: 120,
      render: (_: unknown, row) => (
        <span data-testid="oplog-row" data-action={row.action}>
          <ActionTag action={row.action} lang={lang} />
        </span>
      ),
    },
    {
      key: 'subject',
      title: field('subject', lang),
      width: 150,
      render: (_: unknown, row) => <Subject row={row} lang={lang} />,
    },
    { key: 'org', title: field('org', lang), width: 170, render: (_: unknown, row) => row.orgName ?? '—' },
    { key: 'fields', title: field('fields', lang), render: (_: unknown, row) => fieldsText(row, t) },
    { key: 'id', title: field('id', lang), dataIndex: 'id', width: 90, align: 'right' },
  ],
});
