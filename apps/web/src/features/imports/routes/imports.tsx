// /imports (数据导入): pick a kind (only those the user may import), download its template,
// upload the filled-in file, follow the check, read the problems or confirm the import. The
// import being looked at is ?job=<id> in the URL, so a reload or a shared link shows it again.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { IdSchema } from '@dutyboard/contracts/common';
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportJobSummary,
  type ImportKind,
  importPaths,
} from '@dutyboard/contracts/imports';
import { IMPORT_KIND_LABELS, IMPORT_STATE_LABELS } from '@dutyboard/contracts/labels';
import { Alert, Button, Card, Empty, Progress, Radio, Space, Table, Tag, Typography } from 'antd';
import { type ChangeEvent, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { importableKinds, useImportJob, useImportJobs, useUploadImport } from '../api/imports.ts';
import { ImportJobCard, STATE_COLOR } from '../components/import-job-card.tsx';

const MAX_MB = `${IMPORT_MAX_BYTES / 1024 / 1024} MB`;

function isKind(value: string | null, allowed: readonly ImportKind[]): value is ImportKind {
  return value !== null && (allowed as readonly string[]).includes(value);
}

export function ImportsRoute() {
  const me = useCurrentUser();
  const { t, lang, nameOf } = useI18n();
  const [params, setParams] = useSearchParams();
  const kinds = importableKinds(me);
  const kindParam = params.get('kind');
  const kind: ImportKind | undefined = isKind(kindParam, kinds) ? kindParam : kinds[0];
  const jobParam = params.get('job');
  const jobId = IdSchema.safeParse(jobParam).success ? jobParam : null;
  const jobs = useImportJobs();
  const job = useImportJob(jobId);
  const upload = useUploadImport();
  const [percent, setPercent] = useState<number | null>(null);
  // A refused file stays named next to the button until the next choice (a toast was cut off and
  // gone before a long reason, such as an already-imported file's, could be read).
  const [refused, setRefused] = useState<{ file: string; reason: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  if (!kind) return <ForbiddenPage />;

  const setParam = (key: 'kind' | 'job', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key === 'kind' });
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again after fixing it.
    event.target.value = '';
    if (!file) return;
    setRefused(null);
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setRefused({ file: file.name, reason: t('imports.badType') });
      return;
    }
    if (file.size > IMPORT_MAX_BYTES) {
      setRefused({ file: file.name, reason: t('imports.tooLarge', { max: MAX_MB }) });
      return;
    }
    setPercent(0);
    upload.mutate(
      { kind, file, onProgress: setPercent },
      {
        onSuccess: (created) => setParam('job', created.id),
        onError: (error) => setRefused({ file: file.name, reason: errorText(error, lang, t) }),
        onSettled: () => setPercent(null),
      },
    );
  };

  return (
    <div>
      <div className="db-page-head">
        <div>
          <h1>{t('imports.title')}</h1>
          <Typography.Text type="secondary">{t('imports.intro')}</Typography.Text>
        </div>
      </div>

      <Card title={t('imports.step.template')} style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Radio.Group
            data-testid="import-kind"
            optionType="button"
            value={kind}
            onChange={(e) => setParam('kind', e.target.value as string)}
            options={kinds.map((k) => ({ value: k, label: nameOf(IMPORT_KIND_LABELS, k) }))}
          />
          <div>
            <Button icon={<DownloadOutlined />} href={importPaths.template(kind)} data-testid="import-template">
              {t('imports.downloadTemplate', { kind: nameOf(IMPORT_KIND_LABELS, kind) })}
            </Button>
          </div>
          <Typography.Text type="secondary">
            {t('imports.templateNote')}
            {(kind === 'activities' || kind === 'study-sessions') && ` ${t('imports.exportNote')}`}
          </Typography.Text>
          {kind === 'users' && <Alert type="info" showIcon title={t('imports.usersNote')} />}
          {(kind === 'activities' || kind === 'study-sessions') && (
            <Alert
              type="info"
              showIcon
              data-testid="import-org-note"
              title={t('imports.orgNote', { org: me.org.name })}
            />
          )}
        </Space>
      </Card>

      <Card title={t('imports.step.upload')} style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <div>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              onClick={() => inputRef.current?.click()}
              data-testid="import-choose"
            >
              {t('imports.choose')}
            </Button>
            <input
              ref={inputRef}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={onFile}
              data-testid="import-file"
              style={{ display: 'none' }}
            />
          </div>
          <Typography.Text type="secondary">
            {t('imports.chooseHint', { max: MAX_MB, rows: IMPORT_MAX_ROWS })}
          </Typography.Text>
          {refused && (
            <Alert
              type="error"
              showIcon
              role="alert"
              closable={{ 'aria-label': t('imports.dismissRefusal') }}
              onClose={() => setRefused(null)}
              data-testid="import-upload-error"
              title={t('imports.uploadRefused', { file: refused.file })}
              description={refused.reason}
            />
          )}
          {percent !== null && (
            <div data-testid="import-upload-progress">
              <Progress percent={percent} status="active" aria-label={t('imports.uploading', { percent })} />
              <Typography.Text type="secondary">{t('imports.uploading', { percent })}</Typography.Text>
            </div>
          )}
        </Space>
      </Card>

      {jobId &&
        (job.isPending ? (
          <Card style={{ marginBottom: 16 }}>
            <PageLoading rows={3} />
          </Card>
        ) : job.isError ? (
          <Card style={{ marginBottom: 16 }}>
            <ErrorState error={job.error} onRetry={() => void job.refetch()} />
          </Card>
        ) : (
          <ImportJobCard job={job.data} />
        ))}

      <Card title={t('imports.historyTitle')}>
        {jobs.isPending ? (
          <PageLoading rows={4} />
        ) : jobs.isError ? (
          <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : jobs.data.items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('imports.historyEmpty')}
            data-testid="imports-empty"
          />
        ) : (
          <Table<ImportJobSummary>
            data-testid="import-history"
            size="small"
            rowKey="id"
            dataSource={jobs.data.items}
            pagination={false}
            scroll={{ x: 720 }}
            columns={[
              {
                key: 'time',
                title: t('imports.col.time'),
                width: 150,
                render: (_: unknown, row) => formatDateTime(row.createdAt),
              },
              {
                key: 'kind',
                title: t('imports.col.kind'),
                width: 110,
                render: (_: unknown, row) => nameOf(IMPORT_KIND_LABELS, row.kind),
              },
              { key: 'file', title: t('imports.col.file'), dataIndex: 'fileName', ellipsis: true },
              {
                key: 'state',
                title: t('imports.col.state'),
                width: 100,
                render: (_: unknown, row) => (
                  <Tag color={STATE_COLOR[row.state]}>{nameOf(IMPORT_STATE_LABELS, row.state)}</Tag>
                ),
              },
              {
                key: 'result',
                title: t('imports.col.result'),
                width: 200,
                render: (_: unknown, row) => resultText(row, t),
              },
              {
                key: 'view',
                title: '',
                width: 80,
                render: (_: unknown, row) => (
                  <Button type="link" size="small" onClick={() => setParam('job', row.id)} data-testid="import-view">
                    {t('imports.view')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

function resultText(row: ImportJobSummary, t: ReturnType<typeof useI18n>['t']): string {
  if (row.state === 'INVALID') return t('imports.result.problems', { count: row.problemCount });
  if (row.state === 'COMMITTED') {
    return `${t('imports.result.created', { count: row.created })} · ${t('imports.result.skipped', { count: row.skipped })}`;
  }
  if (row.state === 'VALID') return t('imports.result.rows', { count: row.rowsTotal });
  return row.state === 'FAILED' ? (row.error ?? '') : '';
}
