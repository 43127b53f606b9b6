// A record's change history: who did what when, and for each changed field its value before and
// after. Oldest first, as the server sends it.
import { ReloadOutlined } from '@ant-design/icons';
import { type EntityType, type HistoryEvent, HistorySchema } from '@dutyboard/contracts/attachments';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../lib/api-client.ts';
import { formatDateTime } from '../lib/dates.ts';
import { errorText } from '../lib/error-text.ts';
import type { MessageKey, Translate } from '../lib/i18n.ts';
import { useI18n } from '../lib/i18n-provider.tsx';
import { queryKeys } from '../lib/query-keys.ts';

export function getHistory(entityType: EntityType, entityId: string, signal?: AbortSignal) {
  return api.get('/api/history', { query: { entityType, entityId }, schema: HistorySchema, signal });
}

export function historyQueryOptions(entityType: EntityType, entityId: string) {
  return queryOptions({
    queryKey: queryKeys.history.detail(entityType, entityId),
    queryFn: ({ signal }) => getHistory(entityType, entityId, signal),
    enabled: entityId !== '',
    // Saving a record elsewhere does not know this key: coming back to the page always refetches.
    staleTime: 0,
  });
}

export function useRecordHistory(entityType: EntityType, entityId: string) {
  return useQuery(historyQueryOptions(entityType, entityId));
}

/** Bookkeeping columns that say nothing to a reader. */
const NOISE_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdById', 'updatedById']);

const ACTION_COLOR: Record<string, string> = {
  CREATE: 'green',
  UPDATE: 'blue',
  DELETE: 'red',
  TRANSITION: 'purple',
  CLOSE: 'cyan',
  CHECK: 'geekblue',
  CORRECT: 'magenta',
  ATTACH: 'gold',
  DETACH: 'orange',
};

/** Evidence added or removed: the file's name says it all (its hash and id do not). */
const FILE_ACTIONS = new Set(['ATTACH', 'DETACH']);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const MAX_VALUE_LENGTH = 160;

type Change = HistoryEvent['changes'][number];

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The changes worth showing: no bookkeeping fields, nothing that did not actually change. */
export function visibleChanges(changes: Change[]): Change[] {
  return changes.filter((change) => !NOISE_FIELDS.has(change.field) && !sameValue(change.before, change.after));
}

/** The file an ATTACH or DETACH event is about. */
function fileNameOf(event: HistoryEvent): string | null {
  const change = event.changes.find((c) => c.field === 'fileName');
  const name = change ? (change.after ?? change.before) : null;
  return typeof name === 'string' && name !== '' ? name : null;
}

function truncate(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/** A stored value as a reader sees it: instants in Shanghai time, nothing as "—", objects as JSON. */
export function formatHistoryValue(value: unknown, t: Translate): string {
  if (isBlank(value)) return '—';
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? formatDateTime(value) : truncate(value);
  if (typeof value === 'boolean') return t(value ? 'records.history.yes' : 'records.history.no');
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  try {
    return truncate(JSON.stringify(value));
  } catch {
    return String(value);
  }
}

/** The action in words; an action this page has no label for shows as sent. */
function actionLabel(action: string, t: Translate): string {
  return Object.hasOwn(ACTION_COLOR, action) ? t(`records.action.${action}` as MessageKey) : action;
}

interface RecordHistoryProps {
  entityType: EntityType;
  entityId: string;
  /** Field name → label; fields not listed show their raw name. */
  fieldLabels?: Record<string, string>;
  /** A field's value as text, for values the generic rules cannot name (enums, ids); undefined falls back. */
  formatValue?: (field: string, value: unknown) => string | undefined;
}

export function RecordHistory({ entityType, entityId, fieldLabels, formatValue }: RecordHistoryProps) {
  const { t, lang } = useI18n();
  const history = useRecordHistory(entityType, entityId);

  const valueText = (field: string, value: unknown): string => {
    if (!isBlank(value) && formatValue) {
      const custom = formatValue(field, value);
      if (custom !== undefined) return custom;
    }
    return formatHistoryValue(value, t);
  };

  let body: ReactNode;
  if (history.isPending && entityId !== '') {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (history.isError) {
    body = (
      <Alert
        type="warning"
        showIcon
        title={t('records.history.loadFailed')}
        description={errorText(history.error, lang, t)}
        action={
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void history.refetch()} data-testid="retry">
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else if (!history.data || history.data.items.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('records.history.empty')} />;
  } else {
    body = (
      <Timeline
        style={{ marginTop: 8 }}
        items={history.data.items.map((event) => {
          const fileName = FILE_ACTIONS.has(event.action) ? fileNameOf(event) : null;
          const changes = FILE_ACTIONS.has(event.action) ? [] : visibleChanges(event.changes);
          return {
            key: event.id,
            color: ACTION_COLOR[event.action] ?? 'gray',
            content: (
              <div data-testid="history-event" data-action={event.action} style={{ minWidth: 0 }}>
                <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '2px 8px' }}>
                  <Tag color={ACTION_COLOR[event.action]} style={{ marginInlineEnd: 0 }}>
                    {actionLabel(event.action, t)}
                  </Tag>
                  <Typography.Text strong>{event.actorName ?? t('records.history.system')}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {formatDateTime(event.at)}
                  </Typography.Text>
                </div>
                {fileName && (
                  <div style={{ marginTop: 4, fontSize: 13, overflowWrap: 'anywhere' }} data-testid="history-file">
                    {fileName}
                  </div>
                )}
                {changes.length > 0 && (
                  <ul style={{ margin: '6px 0 0', paddingInlineStart: 18, fontSize: 13 }}>
                    {changes.map((change) => (
                      <li key={change.field} data-testid="history-change" style={{ overflowWrap: 'anywhere' }}>
                        <Typography.Text type="secondary">
                          {fieldLabels?.[change.field] ?? change.field}
                        </Typography.Text>
                        {': '}
                        <span>{valueText(change.field, change.before)}</span>
                        {' → '}
                        <span>{valueText(change.field, change.after)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ),
          };
        })}
      />
    );
  }

  return <div data-testid="record-history">{body}</div>;
}
