// One import as it goes: progress while the file is checked or written, the problems table
// (row, column, reason) when it has any, the summary and "确认导入" (behind a confirmation) when
// it is clean, and the result once committed or failed.
import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import {
  IMPORT_PROBLEMS_SHOWN,
  type ImportJob,
  type ImportOrgCount,
  type ImportProblem,
  importPaths,
  isImportPending,
} from '@dutyboard/contracts/imports';
import { IMPORT_KIND_LABELS, IMPORT_STATE_LABELS } from '@dutyboard/contracts/labels';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';
import { invalidateImported, useCommitImport } from '../api/imports.ts';

export const STATE_COLOR = {
  VALIDATING: 'processing',
  VALID: 'success',
  INVALID: 'warning',
  COMMITTING: 'processing',
  COMMITTED: 'success',
  FAILED: 'error',
} as const;

/** A file for several orgs: how many rows each org gets (would get, once checked; got, once committed). */
function OrgsTable({ orgs }: { orgs: ImportOrgCount[] }) {
  const { t } = useI18n();
  return (
    <Table<ImportOrgCount>
      data-testid="import-orgs"
      style={{ marginTop: 12 }}
      size="small"
      rowKey="orgId"
      title={() => t('imports.orgsTitle')}
      dataSource={orgs}
      pagination={orgs.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      onRow={() => ({ 'data-testid': 'import-org' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'org', title: t('imports.col.org'), dataIndex: 'orgName' },
        // Narrow number columns: the org's name keeps the width on a phone.
        { key: 'created', title: t('imports.col.created'), dataIndex: 'created', width: 72, align: 'right' },
        { key: 'skipped', title: t('imports.col.skipped'), dataIndex: 'skipped', width: 72, align: 'right' },
      ]}
    />
  );
}

function ProblemsTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useI18n();
  // A file for several orgs: each problem says whose row it is.
  const withOrg = problems.some((p) => p.org !== undefined);
  return (
    <Table<ImportProblem>
      data-testid="import-problems"
      size="small"
      rowKey={(p) => `${p.row}|${p.column ?? ''}|${p.reason}`}
      dataSource={problems}
      pagination={problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      // On a phone the table scrolls sideways rather than squeezing the reason into a column of single characters.
      scroll={{ x: withOrg ? 640 : 520 }}
      onRow={() => ({ 'data-testid': 'import-problem' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'row', title: t('imports.col.row'), dataIndex: 'row', width: 72, align: 'right' },
        ...(withOrg
          ? [{ key: 'org', title: t('imports.col.org'), width: 120, render: (_: unknown, p: ImportProblem) => p.org }]
          : []),
        {
          key: 'column',
          title: t('imports.col.column'),
          width: 140,
          render: (_: unknown, p) =>
            p.column ?? <Typography.Text type="secondary">{t('imports.wholeRow')}</Typography.Text>,
        },
        { key: 'reason', title: t('imports.col.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

export function ImportJobCard({ job }: { job: ImportJob }) {
  const { t, lang, nameOf } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const commit = useCommitImport();
  const kindName = nameOf(IMPORT_KIND_LABELS, job.kind);

  // A new state shows in the history list too; when the import lands, every list and figure with
  // its records is refreshed once.
  const seenState = useRef(job.state);
  useEffect(() => {
    if (seenState.current === job.state) return;
    if (job.state === 'COMMITTED') void invalidateImported(queryClient, job.kind);
    void queryClient.invalidateQueries({ queryKey: queryKeys.imports.list });
    seenState.current = job.state;
  }, [job.state, job.kind, queryClient]);

  const confirm = () =>
    modal.confirm({
      title: t('imports.confirmTitle'),
      content: t('imports.confirmText', { count: job.created, kind: kindName }),
      okText: t('imports.confirmOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'import-confirm-ok' } as Record<string, string>,
      onOk: () =>
        commit.mutateAsync(job.id).catch((error: unknown) => {
          void message.error(`${t('imports.commitFailed')}: ${errorText(error, lang, t)}`);
        }),
    });

  const percent = job.rowsTotal > 0 ? Math.min(100, Math.floor((job.rowsDone / job.rowsTotal) * 100)) : 0;
  const finishing = job.state === 'COMMITTING' && job.rowsTotal > 0 && job.rowsDone >= job.rowsTotal;

  return (
    <Card
      title={t('imports.current')}
      style={{ marginBottom: 16 }}
      data-testid="import-job"
      data-state={job.state}
      extra={
        <Tag color={STATE_COLOR[job.state]} data-testid="import-state">
          {nameOf(IMPORT_STATE_LABELS, job.state)}
        </Tag>
      }
    >
      <Space wrap size={[8, 4]} style={{ marginBottom: 12 }}>
        <Typography.Text strong>{kindName}</Typography.Text>
        <Typography.Text>{job.fileName}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTime(job.createdAt)}</Typography.Text>
      </Space>

      {isImportPending(job.state) && (
        <div data-testid="import-progress">
          <Progress percent={percent} status="active" />
          <Typography.Text type="secondary">
            {finishing
              ? t('imports.progress.finishing')
              : t(job.state === 'VALIDATING' ? 'imports.progress.validating' : 'imports.progress.committing', {
                  done: job.rowsDone,
                  total: job.rowsTotal,
                })}
          </Typography.Text>
        </div>
      )}

      {job.state === 'INVALID' && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={
              <span data-testid="import-problem-count">{t('imports.invalidTitle', { count: job.problemCount })}</span>
            }
            description={
              <>
                {t('imports.invalidText')}
                {job.problemCount > job.problems.length &&
                  ` ${t('imports.problemsShown', { shown: IMPORT_PROBLEMS_SHOWN })}`}
              </>
            }
            action={
              <Button
                icon={<DownloadOutlined />}
                href={importPaths.problems(job.id)}
                data-testid="import-problems-download"
              >
                {t('imports.downloadProblems')}
              </Button>
            }
          />
          <ProblemsTable problems={job.problems} />
        </>
      )}

      {job.state === 'VALID' && (
        <>
          <Alert
            type="success"
            showIcon
            title={t('imports.validTitle', { rows: job.rowsTotal })}
            description={t('imports.validText', { created: job.created, skipped: job.skipped })}
            action={
              <Button
                type="primary"
                icon={<ImportOutlined />}
                loading={commit.isPending}
                onClick={confirm}
                data-testid="import-commit"
              >
                {t('imports.commit')}
              </Button>
            }
          />
          {job.orgs.length > 0 && <OrgsTable orgs={job.orgs} />}
        </>
      )}

      {job.state === 'COMMITTED' && (
        <Alert
          type="success"
          showIcon
          title={
            <span data-testid="import-result">
              {t('imports.committedTitle', { created: job.created, skipped: job.skipped })}
            </span>
          }
          description={job.kind === 'users' ? t('imports.usersNote') : undefined}
        />
      )}
      {job.state === 'COMMITTED' && job.orgs.length > 0 && <OrgsTable orgs={job.orgs} />}

      {job.state === 'FAILED' && (
        <Alert
          type="error"
          showIcon
          title={t('imports.failedTitle')}
          description={<span data-testid="import-error">{job.error}</span>}
        />
      )}
    </Card>
  );
}
