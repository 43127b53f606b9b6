// Evidence files (photos, PDFs) of any record: a thumbnail grid, and for users who may change the
// record an upload button (gallery or camera on phones) with progress, and delete.
import { DeleteOutlined, FileOutlined, FilePdfOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MIME_TYPES,
  type Attachment,
  AttachmentListSchema,
  AttachmentSchema,
  type EntityType,
} from '@dutyboard/contracts/attachments';
import { OkSchema } from '@dutyboard/contracts/common';
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Empty, Image, Popconfirm, Progress, Skeleton, Typography } from 'antd';
import { type ChangeEvent, type CSSProperties, useEffect, useRef, useState } from 'react';
import { api, isApiError } from '../lib/api-client.ts';
import { randomUuid, uploadFile } from '../lib/api-upload.ts';
import { COLORS } from '../lib/colors.ts';
import { formatDateTime } from '../lib/dates.ts';
import { errorText } from '../lib/error-text.ts';
import type { MessageKey, TranslateVars } from '../lib/i18n.ts';
import { useI18n } from '../lib/i18n-provider.tsx';
import {
  dismissUpload,
  type HandedUpload,
  retryUpload,
  startUploads,
  useHandedUploads,
} from '../lib/pending-uploads.ts';
import { queryKeys } from '../lib/query-keys.ts';

const ACCEPT = ATTACHMENT_MIME_TYPES.join(',');

export function getAttachments(entityType: EntityType, entityId: string, signal?: AbortSignal) {
  return api.get('/api/attachments', { query: { entityType, entityId }, schema: AttachmentListSchema, signal });
}

export function attachmentsQueryOptions(entityType: EntityType, entityId: string) {
  return queryOptions({
    queryKey: queryKeys.attachments.list(entityType, entityId),
    queryFn: ({ signal }) => getAttachments(entityType, entityId, signal),
    enabled: entityId !== '',
  });
}

export function useAttachments(entityType: EntityType, entityId: string) {
  return useQuery(attachmentsQueryOptions(entityType, entityId));
}

/** How many files a record has (undefined until loaded); shares the panel's request. */
export function useAttachmentCount(entityType: EntityType, entityId: string): number | undefined {
  return useQuery({ ...attachmentsQueryOptions(entityType, entityId), select: (list) => list.items.length }).data;
}

/** "850 B", "312 KB", "4.3 MB"; megabytes round up, so a file over the limit never reads as at it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)} MB`;
}

/** Refreshes what shows a record's files: the list, and the history that records each one. */
function refreshEvidence(queryClient: QueryClient, entityType: EntityType, entityId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.attachments.list(entityType, entityId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.history.detail(entityType, entityId) }),
  ]);
}

/**
 * Uploads the photos chosen in a create form to the record just saved (lib/pending-uploads.ts):
 * not tied to any page, so they go on while the user moves to the record; its panel shows them.
 */
export function uploadEvidence(queryClient: QueryClient, entityType: EntityType, entityId: string, files: File[]) {
  return startUploads(
    entityType,
    entityId,
    files,
    async (upload, onProgress) => {
      await uploadFile('/api/attachments', { entityType, entityId }, upload.file, {
        idempotencyKey: upload.key,
        onProgress,
        schema: AttachmentSchema,
      });
      await refreshEvidence(queryClient, entityType, entityId);
    },
    randomUuid,
  );
}

export type Failure = { kind: 'rejected'; key: MessageKey; vars: TranslateVars } | { kind: 'failed'; error: unknown };

interface UploadTask {
  /** Also the Idempotency-Key: made once when the file is chosen, reused by every retry. */
  key: string;
  file: File;
  status: 'queued' | 'uploading' | 'failed';
  percent: number;
  failure: Failure | null;
}

/** A create form's upload in the panel's own shape. */
function handedTask(upload: HandedUpload): UploadTask {
  const failure: Failure | null = upload.status === 'failed' ? { kind: 'failed', error: upload.error } : null;
  return { key: upload.key, file: upload.file, status: upload.status, percent: upload.percent, failure };
}

/** Why a chosen file is not even sent, or null when it may be. */
export function rejectionOf(file: File): Failure | null {
  const name = file.name;
  if (file.size > ATTACHMENT_MAX_BYTES) {
    return {
      kind: 'rejected',
      key: 'records.attachments.tooLarge',
      vars: { name, size: formatBytes(file.size), max: formatBytes(ATTACHMENT_MAX_BYTES) },
    };
  }
  if (file.size === 0) return { kind: 'rejected', key: 'records.attachments.emptyFile', vars: { name } };
  // Some devices report no type at all; the server checks the bytes anyway.
  if (file.type && !(ATTACHMENT_MIME_TYPES as readonly string[]).includes(file.type)) {
    return { kind: 'rejected', key: 'records.attachments.badType', vars: { name } };
  }
  return null;
}

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
  opacity: 0,
};

const gridStyle: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
  gap: 12,
};

const tileStyle: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  minWidth: 0,
  border: `1px solid ${COLORS.divider}`,
  borderRadius: 8,
  overflow: 'hidden',
  background: COLORS.surface,
};

const thumbStyle: CSSProperties = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  aspectRatio: '1 / 1',
  background: COLORS.subtleSurface,
  overflow: 'hidden',
};

interface AttachmentsPanelProps {
  entityType: EntityType;
  entityId: string;
  /** Whether the user may add and remove files (the server checks again). */
  canEdit: boolean;
}

export function AttachmentsPanel({ entityType, entityId, canEdit }: AttachmentsPanelProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useAttachments(entityType, entityId);
  const inputRef = useRef<HTMLInputElement>(null);
  const [tasks, setTasks] = useState<UploadTask[]>([]);
  const controllers = useRef(new Set<AbortController>());

  // Leaving the page cancels what is still uploading.
  useEffect(() => {
    const live = controllers.current;
    return () => {
      for (const controller of live) controller.abort();
    };
  }, []);

  const refresh = () => refreshEvidence(queryClient, entityType, entityId);
  // Photos chosen in the create form, uploading since the record was saved.
  const handed = useHandedUploads(entityType, entityId);

  const upload = useMutation({
    mutationFn: (input: { task: UploadTask; signal: AbortSignal; onProgress: (percent: number) => void }) =>
      uploadFile('/api/attachments', { entityType, entityId }, input.task.file, {
        idempotencyKey: input.task.key,
        onProgress: input.onProgress,
        signal: input.signal,
        schema: AttachmentSchema,
      }),
  });

  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/attachments/${encodeURIComponent(id)}`, { schema: OkSchema }),
  });

  const patchTask = (key: string, change: Partial<UploadTask>) =>
    setTasks((current) => current.map((task) => (task.key === key ? { ...task, ...change } : task)));
  const dropTask = (key: string) => setTasks((current) => current.filter((task) => task.key !== key));

  const run = async (task: UploadTask) => {
    const controller = new AbortController();
    controllers.current.add(controller);
    patchTask(task.key, { status: 'uploading', percent: 0, failure: null });
    try {
      await upload.mutateAsync({
        task,
        signal: controller.signal,
        onProgress: (percent) => patchTask(task.key, { percent }),
      });
      dropTask(task.key);
      void message.success(t('records.attachments.uploaded', { name: task.file.name }));
      await refresh();
    } catch (error) {
      if (controller.signal.aborted) return;
      patchTask(task.key, { status: 'failed', failure: { kind: 'failed', error } });
    } finally {
      controllers.current.delete(controller);
    }
  };

  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Cleared, so choosing the same file again (after fixing it) fires change again.
    event.target.value = '';
    return enqueue(files);
  };

  const enqueue = async (files: File[]) => {
    const chosen: UploadTask[] = files.map((file) => {
      const rejection = rejectionOf(file);
      return {
        key: randomUuid(),
        file,
        status: rejection ? 'failed' : 'queued',
        percent: 0,
        failure: rejection,
      };
    });
    setTasks((current) => [...current, ...chosen]);
    // One after another: a phone on a weak connection does better with one upload at a time.
    for (const task of chosen) {
      if (task.status === 'queued') await run(task);
    }
  };

  const uploadErrorText = (error: unknown): string => {
    // Chinese shows the server's own words; English gets the specific reason for the two refusals.
    if (lang === 'en' && isApiError(error)) {
      if (error.code === 'PAYLOAD_TOO_LARGE') {
        return t('records.attachments.serverTooLarge', { max: formatBytes(ATTACHMENT_MAX_BYTES) });
      }
      if (error.code === 'UNSUPPORTED_MEDIA_TYPE') return t('records.attachments.serverBadType');
    }
    return errorText(error, lang, t);
  };

  const failureText = (task: UploadTask): string => {
    const failure = task.failure;
    if (!failure) return '';
    if (failure.kind === 'rejected') return t(failure.key, failure.vars);
    return t('records.attachments.failed', { name: task.file.name, reason: uploadErrorText(failure.error) });
  };

  const onDelete = (attachment: Attachment) =>
    remove.mutateAsync(attachment.id).then(
      async () => {
        void message.success(t('records.attachments.deleted'));
        await refresh();
      },
      async (error: unknown) => {
        void message.error(`${t('records.attachments.deleteFailed')}: ${errorText(error, lang, t)}`);
        // Already gone (someone else deleted it): show the list as it is now.
        if (isApiError(error) && error.status === 404) await refresh();
      },
    );

  const items = list.data?.items ?? [];
  // The create form's photos first (they run on without this page), then the ones chosen here.
  const shown = [
    ...handed.map((upload) => ({
      task: handedTask(upload),
      retry: () => void retryUpload(entityType, entityId, upload.key),
      dismiss: () => dismissUpload(entityType, entityId, upload.key),
    })),
    ...tasks.map((task) => ({ task, retry: () => void run(task), dismiss: () => dropTask(task.key) })),
  ];

  return (
    <div data-testid="attachments-panel">
      {canEdit && (
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px 12px', marginBottom: 12 }}>
          <Button
            type="primary"
            ghost
            size="large"
            icon={<UploadOutlined />}
            onClick={() => inputRef.current?.click()}
            data-testid="attachment-upload"
          >
            {t('records.attachments.upload')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('records.attachments.hint', { max: formatBytes(ATTACHMENT_MAX_BYTES) })}
          </Typography.Text>
          {/* No `capture`: phones then offer the camera as well as the gallery and files. */}
          <input
            ref={inputRef}
            type="file"
            accept={ACCEPT}
            multiple
            tabIndex={-1}
            aria-hidden="true"
            style={visuallyHidden}
            data-testid="attachment-input"
            onChange={(event) => void onChoose(event)}
          />
        </div>
      )}

      {shown.length > 0 && (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8, marginBottom: 12 }}>
          {shown.map(({ task, retry, dismiss }) =>
            task.status === 'failed' ? (
              <Alert
                key={task.key}
                type="error"
                showIcon
                role="alert"
                data-testid="attachment-error"
                title={<span style={{ overflowWrap: 'anywhere' }}>{failureText(task)}</span>}
                action={
                  task.failure?.kind === 'failed' ? (
                    <Button size="small" icon={<ReloadOutlined />} onClick={retry}>
                      {t('common.retry')}
                    </Button>
                  ) : undefined
                }
                closable={{ onClose: dismiss, 'aria-label': t('records.attachments.dismiss') }}
              />
            ) : (
              <div key={task.key} data-testid="attachment-progress">
                <Typography.Text ellipsis style={{ display: 'block', fontSize: 13 }}>
                  {t(task.status === 'queued' ? 'records.attachments.queued' : 'records.attachments.uploading', {
                    name: task.file.name,
                  })}
                </Typography.Text>
                <Progress percent={task.percent} size="small" status={task.status === 'queued' ? 'normal' : 'active'} />
              </div>
            ),
          )}
        </div>
      )}

      {list.isPending && entityId !== '' ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : list.isError ? (
        <Alert
          type="warning"
          showIcon
          title={t('records.attachments.loadFailed')}
          description={errorText(list.error, lang, t)}
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('records.attachments.empty')}
          data-testid="attachments-empty"
        />
      ) : (
        <Image.PreviewGroup>
          <div style={gridStyle} data-testid="attachment-list">
            {items.map((attachment) => (
              <AttachmentTile
                key={attachment.id}
                attachment={attachment}
                canEdit={canEdit}
                deleting={remove.isPending && remove.variables === attachment.id}
                onDelete={() => onDelete(attachment)}
              />
            ))}
          </div>
        </Image.PreviewGroup>
      )}
    </div>
  );
}

interface AttachmentTileProps {
  attachment: Attachment;
  canEdit: boolean;
  deleting: boolean;
  onDelete: () => Promise<void>;
}

function AttachmentTile({ attachment, canEdit, deleting, onDelete }: AttachmentTileProps) {
  const { t } = useI18n();
  const isImage = attachment.mimeType.startsWith('image/');
  const isPdf = attachment.mimeType === 'application/pdf';
  const confirmButton: ButtonProps & { 'data-testid': string } = {
    danger: true,
    loading: deleting,
    'data-testid': 'attachment-delete-confirm',
  };
  const openLabel = t('records.attachments.open', { name: attachment.fileName });
  return (
    <div style={tileStyle} data-testid="attachment-item" data-mime={attachment.mimeType}>
      <div style={thumbStyle}>
        {isImage ? (
          <Image
            src={attachment.thumbnailUrl ?? attachment.url}
            alt={attachment.fileName}
            preview={{ src: attachment.url }}
            width="100%"
            height="100%"
            styles={{
              root: { width: '100%', height: '100%' },
              image: { width: '100%', height: '100%', objectFit: 'cover' },
            }}
          />
        ) : (
          <a
            href={attachment.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={openLabel}
            title={openLabel}
            style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', width: '100%', height: '100%' }}
          >
            {isPdf ? (
              <FilePdfOutlined style={{ fontSize: 48, color: COLORS.error }} />
            ) : (
              <FileOutlined style={{ fontSize: 48, color: COLORS.textTertiary }} />
            )}
          </a>
        )}
      </div>
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 4, padding: '8px 4px 8px 8px' }}>
        <div style={{ flex: '1 1 auto', minWidth: 0 }}>
          <a
            href={attachment.url}
            target="_blank"
            rel="noopener noreferrer"
            title={attachment.fileName}
            data-testid="attachment-name"
            style={{ display: 'block', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}
          >
            {attachment.fileName}
          </a>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatBytes(attachment.size)}
            {attachment.uploadedByName ? ` · ${attachment.uploadedByName}` : ''}
          </Typography.Text>
          {/* When the photo was taken (its EXIF, read as Shanghai time) beside when it was uploaded: they differ. */}
          {attachment.capturedAt && (
            <Typography.Text
              type="secondary"
              style={{ display: 'block', fontSize: 12 }}
              data-testid="attachment-captured-at"
            >
              {t('records.attachments.capturedAt', { time: formatDateTime(attachment.capturedAt) })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('records.attachments.uploadedAt', { time: formatDateTime(attachment.createdAt) })}
          </Typography.Text>
          {/* The SHA-256 stored for the file, as the evidence pack's manifest lists it: the head shown, the whole copied. */}
          <Typography.Text
            type="secondary"
            style={{ display: 'block', fontSize: 12 }}
            title={attachment.sha256}
            copyable={{ text: attachment.sha256 }}
            data-testid="attachment-sha256"
          >
            {t('records.attachments.sha256', { hash: attachment.sha256.slice(0, 12) })}
          </Typography.Text>
        </div>
        {canEdit && (
          <Popconfirm
            title={t('records.attachments.deleteConfirm', { name: attachment.fileName })}
            okText={t('records.attachments.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={confirmButton}
            onConfirm={onDelete}
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('records.attachments.deleteLabel', { name: attachment.fileName })}
              title={t('records.attachments.delete')}
              data-testid="attachment-delete"
              style={{ flex: '0 0 auto' }}
            />
          </Popconfirm>
        )}
      </div>
    </div>
  );
}
