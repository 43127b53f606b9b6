// The frame every record feature's detail page shares; each feature fills in its fields, its
// buttons, its extra sections and its words.
//
// The record loaded (not found and failed said as such), then: a head card with the small kind
// label, the title (h1), a back link to the list, the fields, and the buttons (edit; delete behind
// a confirmation, sent with If-Match carrying the version shown, then "deleted" and back to the
// list); the feature's own sections; the record's evidence (佐证材料) and change history (修改记录).

import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { EntityType } from '@dutyboard/contracts/attachments';
import type { UseQueryResult } from '@tanstack/react-query';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  type DescriptionsProps,
  Grid,
  Popconfirm,
  Space,
  Typography,
} from 'antd';
import { type ComponentType, createContext, type ReactNode, use, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type ApiError, isApiError } from '../lib/api-client.ts';
import { formatDateTime } from '../lib/dates.ts';
import { errorText } from '../lib/error-text.ts';
import type { MessageKey, Translate } from '../lib/i18n.ts';
import { useI18n } from '../lib/i18n-provider.tsx';
import { uploadsOf } from '../lib/pending-uploads.ts';
import { AttachmentsPanel } from './attachments-panel.tsx';
import { ErrorState } from './error-state.tsx';
import { PageLoading } from './page-loading.tsx';
import { RecordHistory } from './record-history.tsx';

/** The words a detail page takes from its feature's dictionary, as `<ns>.<word>`. */
type DetailWord = 'detailTitle' | 'edit' | 'delete' | 'deleteConfirm' | 'deleteOk' | 'deleted';

/** The prefix of a `<prefix>.deleteOk` key, when the prefix has every detail-page word. */
type DetailNs<K> = K extends `${infer N}.deleteOk` ? (`${N}.${DetailWord}` extends MessageKey ? N : never) : never;

/** A dictionary prefix that has every detail-page word. */
export type RecordNs = DetailNs<MessageKey>;

/** Loading, not found (404) and failed states of a record query; the loaded record to `children`. */
export function RecordDetailQuery<T>({
  query,
  notFound,
  children,
}: {
  query: UseQueryResult<T>;
  notFound: ReactNode;
  children: (record: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoading rows={8} />;
  if (query.isError) {
    // A malformed id in the URL (/activities/not-a-uuid) names no record either: the API refuses
    // it as a bad `id` (400), the page says "not found", not "correct your input" (issue 16.9).
    if (isApiError(query.error) && (query.error.status === 404 || badId(query.error))) return notFound;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return children(query.data);
}

function badId(error: ApiError): boolean {
  return error.status === 400 && error.fields.some((issue) => issue.field === 'id');
}

/** A record route: the record of the URL's `:id` through its query, in the states above. */
export function RecordDetailRoute<T>({
  useRecord,
  notFound,
  Detail,
}: {
  useRecord: (id: string) => UseQueryResult<T>;
  notFound: ReactNode;
  Detail: ComponentType<{ record: T }>;
}) {
  const { id = '' } = useParams();
  return (
    <RecordDetailQuery query={useRecord(id)} notFound={notFound}>
      {(record) => <Detail record={record} />}
    </RecordDetailQuery>
  );
}

/** What an empty optional field shows. */
export function NotFilled() {
  const { t } = useI18n();
  return <Typography.Text type="secondary">{t('common.notFilled')}</Typography.Text>;
}

/** A free text kept as written (its line breaks), or "not filled" when there is none. */
export function longText(text: string | null | undefined): ReactNode {
  return text ? <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</span> : <NotFilled />;
}

/** A prefix whose messages name a record's created and updated times. */
type TimestampNs = {
  [K in MessageKey]: K extends `${infer N}.createdAt` ? (`${N}.updatedAt` extends MessageKey ? N : never) : never;
}[MessageKey];

/** The last two fields of every record: when it was created and last changed (Shanghai time). */
export function timestampFields(
  t: Translate,
  ns: TimestampNs,
  record: { createdAt: string; updatedAt: string },
): NonNullable<DescriptionsProps['items']> {
  return [
    { key: 'createdAt', label: t(`${ns}.createdAt`), children: formatDateTime(record.createdAt) },
    { key: 'updatedAt', label: t(`${ns}.updatedAt`), children: formatDateTime(record.updatedAt) },
  ];
}

/** Field → message key, as field → words for the change history. */
export function historyFieldLabels(t: Translate, keys: Record<string, MessageKey>): Record<string, string> {
  return Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t(key)]));
}

/**
 * A detail card's title: the small kind label over the record's title (the page's h1). A long
 * title (up to 200 characters) is clamped to two lines — it would fill a phone screen — and shows
 * whole on hover (its tooltip) or on a tap, which toggles it.
 */
export function DetailCardTitle({
  kind,
  title,
  titleTestId,
  breakTitle = false,
}: {
  kind: ReactNode;
  title: ReactNode;
  titleTestId: string;
  breakTitle?: boolean;
}) {
  const [whole, setWhole] = useState(false);
  return (
    <Space orientation="vertical" size={0} style={{ whiteSpace: 'normal', minWidth: 0, maxWidth: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }}>
        {kind}
      </Typography.Text>
      {/* The whole title is in the page either way (screen readers read it all); only the view clamps. */}
      <h1
        style={{ margin: 0, fontSize: 20, ...(breakTitle ? { overflowWrap: 'anywhere' } : {}) }}
        data-testid={titleTestId}
      >
        <button
          type="button"
          className={whole ? 'db-title-toggle' : 'db-title-toggle db-clamp-2'}
          title={typeof title === 'string' ? title : undefined}
          aria-expanded={whole}
          onClick={() => setWhole((w) => !w)}
          data-clamped={!whole}
        >
          {title}
        </button>
      </h1>
    </Space>
  );
}

/** A record's fields, label beside value (above it on a phone). */
export function DetailFields({ items }: { items: DescriptionsProps['items'] }) {
  const screens = Grid.useBreakpoint();
  return (
    <Descriptions
      bordered
      column={1}
      size={screens.md ? 'middle' : 'small'}
      layout={screens.sm ? 'horizontal' : 'vertical'}
      styles={{ label: { width: screens.sm ? 140 : undefined } }}
      items={items}
    />
  );
}

/** "返回" to the list a detail page came from. */
export function BackLink({ to }: { to: string }) {
  const { t } = useI18n();
  return (
    <Link to={to} style={{ whiteSpace: 'nowrap' }}>
      {t('common.back')}
    </Link>
  );
}

interface DetailContext {
  ns: RecordNs;
  testId: string;
  listPath: string;
}

const RecordDetailContext = createContext<DetailContext | null>(null);

function useDetailContext(): DetailContext {
  const context = use(RecordDetailContext);
  if (!context) throw new Error('Record detail buttons belong inside a RecordDetailPage.');
  return context;
}

interface RecordDetailPageProps {
  /** The feature's dictionary prefix: `<ns>.detailTitle`, `.edit`, `.delete`, `.deleteConfirm`, `.deleteOk`, `.deleted`. */
  ns: RecordNs;
  /** The data-testid prefix: `<testId>-edit`, `-delete`, `-delete-confirm`, `-attachments`, `-history`. */
  testId: string;
  /** The list: the back link, and where a deleted record leaves to. */
  listPath: string;
  title: ReactNode;
  titleTestId: string;
  /** Lets a long unbroken title break anywhere. */
  breakTitle?: boolean;
  /** In the head card, above the fields. */
  header?: ReactNode;
  fields: DescriptionsProps['items'];
  /** The buttons under the fields, when there are any (controls a role may not use are not passed). */
  actions?: ReactNode;
  /** In the head card, under the fields, as it is. */
  footer?: ReactNode;
  /** The feature's own cards, between the head card and the evidence. */
  sections?: ReactNode;
  entityType: EntityType;
  entityId: string;
  /** Whether this user may add and remove evidence. */
  canAttach: boolean;
  /** Field → label, and values in words, for the change history. */
  historyLabels: Record<string, string>;
  historyValue?: (field: string, value: unknown) => string | undefined;
  /** Dialogs, after everything. */
  children?: ReactNode;
}

export function RecordDetailPage({
  ns,
  testId,
  listPath,
  title,
  titleTestId,
  breakTitle = false,
  header,
  fields,
  actions,
  footer,
  sections,
  entityType,
  entityId,
  canAttach,
  historyLabels,
  historyValue,
  children,
}: RecordDetailPageProps) {
  const { t } = useI18n();
  // Photos chosen in the create form upload in the evidence card: show it, with their progress.
  const [uploading] = useState(() => canAttach && uploadsOf(entityType, entityId).length > 0);
  const evidence = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (uploading) evidence.current?.scrollIntoView({ block: 'start' });
  }, [uploading]);
  return (
    <RecordDetailContext value={{ ns, testId, listPath }}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <Card
          title={
            <DetailCardTitle
              kind={t(`${ns}.detailTitle`)}
              title={title}
              titleTestId={titleTestId}
              breakTitle={breakTitle}
            />
          }
          extra={<BackLink to={listPath} />}
        >
          {header}
          <DetailFields items={fields} />
          {actions && (
            <Space wrap style={{ marginTop: 16 }}>
              {actions}
            </Space>
          )}
          {footer}
        </Card>
        {sections}
        <Card
          ref={evidence}
          title={t('records.attachments.title')}
          data-testid={`${testId}-attachments`}
          style={{ scrollMarginTop: 72 }}
        >
          <AttachmentsPanel entityType={entityType} entityId={entityId} canEdit={canAttach} />
        </Card>
        <Card title={t('records.history.title')} data-testid={`${testId}-history`}>
          <RecordHistory
            entityType={entityType}
            entityId={entityId}
            fieldLabels={historyLabels}
            formatValue={historyValue}
          />
        </Card>
        {children}
      </div>
    </RecordDetailContext>
  );
}

/** The usual pair of buttons: edit (to the record's edit page) and delete. */
export function EditDeleteButtons({ to, remove, primary }: { to: string; remove: DeleteMutation; primary?: boolean }) {
  return (
    <>
      <RecordEditButton to={to} primary={primary} />
      <RecordDeleteButton remove={remove} />
    </>
  );
}

/** The edit button: to the record's edit page. */
export function RecordEditButton({ to, primary = false }: { to: string; primary?: boolean }) {
  const { ns, testId } = useDetailContext();
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button
      type={primary ? 'primary' : undefined}
      size="large"
      icon={<EditOutlined />}
      data-testid={`${testId}-edit`}
      onClick={() => void navigate(to)}
    >
      {t(`${ns}.edit`)}
    </Button>
  );
}

/** The parts of the feature's delete mutation (If-Match with the version shown) the button uses. */
export interface DeleteMutation {
  isPending: boolean;
  mutateAsync: () => Promise<unknown>;
}

/** The delete button and its confirmation; once deleted, "deleted" and back to the list. */
export function RecordDeleteButton({ remove }: { remove: DeleteMutation }) {
  const { ns, testId, listPath } = useDetailContext();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const confirmButton: ButtonProps & { 'data-testid': string } = {
    danger: true,
    size: 'middle',
    loading: remove.isPending,
    'data-testid': `${testId}-delete-confirm`,
  };

  const onDelete = () =>
    remove.mutateAsync().then(
      () => {
        void message.success(t(`${ns}.deleted`));
        void navigate(listPath, { replace: true });
      },
      (error: unknown) => {
        void message.error(errorText(error, lang, t));
      },
    );

  return (
    <Popconfirm
      title={t(`${ns}.deleteConfirm`)}
      okText={t(`${ns}.deleteOk`)}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ size: 'middle' }}
      okButtonProps={confirmButton}
      onConfirm={onDelete}
    >
      <Button danger size="large" icon={<DeleteOutlined />} data-testid={`${testId}-delete`}>
        {t(`${ns}.delete`)}
      </Button>
    </Popconfirm>
  );
}
