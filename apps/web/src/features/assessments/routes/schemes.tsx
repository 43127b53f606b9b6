// /assessments/schemes (考核细则): the schemes the caller's org issued and those above it that score
// its level, with state, edition and full marks. A leader (assessment:manage) starts a draft from
// the starter rules, copies one (last year's) to another period, or imports an Excel sheet; the row
// problems of a refused import are shown in a table. Others read only.
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { type ImportProblem, ImportProblemSchema } from '@dutyboard/contracts/imports';
import { SCHEME_STATE_LABELS } from '@dutyboard/contracts/labels';
import { orgLevelOf } from '@dutyboard/contracts/orgs';
import { Alert, App, Button, Empty, Grid, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { PeriodSelect } from '../../../components/period-select.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { currentHalfCode, periodLabel } from '../../../lib/periods.ts';
import { type ImportedScheme, useCreateScheme, useImportScheme, useSchemes } from '../api/schemes.ts';

/** The row problems a refused import carries (details.problems), or none. */
export function importProblemsOf(error: unknown): ImportProblem[] {
  if (!isApiError(error)) return [];
  const parsed = ImportProblemSchema.array().safeParse(error.details?.problems);
  return parsed.success ? parsed.data : [];
}

/** Row problems or warnings of an import, as a table. */
export function ImportRowsTable({ rows, testId }: { rows: ImportProblem[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Table
      data-testid={testId}
      size="small"
      rowKey={(r) => `${r.row}-${r.column}-${r.reason}`}
      pagination={false}
      scroll={{ y: 240 }}
      dataSource={rows}
      columns={[
        { title: t('schemes.row'), dataIndex: 'row', width: 64 },
        { title: t('schemes.column'), dataIndex: 'column', width: 140, render: (c: string | null) => c ?? '—' },
        { title: t('schemes.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** Where the draft goes; the period is chosen in the dialog unless given. */
  target: { org: string; period?: string; level?: string; name?: string; total?: number };
  onImported: (saved: ImportedScheme) => void;
}

/** Choose a period (unless fixed) and a file; a refused file's problems stay in the dialog. */
export function SchemeImportDialog({ open, onClose, target, onImported }: ImportDialogProps) {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState(target.period ?? currentHalfCode());
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportScheme();
  const problems = importProblemsOf(upload.error);
  const submit = () => {
    if (!file) return;
    upload.mutate({ target: { ...target, period }, file }, { onSuccess: (saved) => onImported(saved) });
  };
  return (
    <Modal
      open={open}
      title={t('schemes.importTitle')}
      okText={t('schemes.import')}
      okButtonProps={{ disabled: !file, loading: upload.isPending }}
      onOk={submit}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('schemes.importHint')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        {!target.period && (
          <Space>
            <span style={{ marginRight: 8 }}>{t('schemes.period')}</span>
            <PeriodSelect
              value={period}
              onChange={setPeriod}
              kinds={['HALF', 'YEAR']}
              ariaLabel={t('schemes.period')}
            />
          </Space>
        )}
        <input
          type="file"
          aria-label={t('schemes.chooseFile')}
          data-testid="scheme-import-file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {upload.isError &&
          (problems.length > 0 ? (
            <>
              <Alert type="error" showIcon message={t('schemes.importProblems')} />
              <ImportRowsTable rows={problems} testId="scheme-import-problems" />
            </>
          ) : (
            <Alert type="error" showIcon message={errorText(upload.error, lang, t)} />
          ))}
      </Space>
    </Modal>
  );
}

export function SchemesRoute() {
  const { t, nameOf, lang } = useI18n();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const schemes = useSchemes();
  const create = useCreateScheme();
  const manages = can(me, 'assessment:manage');
  // A phone shows the name column only, with the period, state and full marks under the name.
  const wide = Grid.useBreakpoint().md ?? true;
  const issuesStreets = orgLevelOf(me.org.kind) === 'DISTRICT';
  const [starterPeriod, setStarterPeriod] = useState(currentHalfCode());
  const [copyOf, setCopyOf] = useState<string | null>(null);
  const [copyPeriod, setCopyPeriod] = useState(currentHalfCode());
  const [importing, setImporting] = useState(false);

  const opened = (id: string) => void navigate(`/assessments/schemes/${id}`);
  const failed = (error: unknown) => void message.error(errorText(error, lang, t));

  return (
    <>
      <PageHead title={t('schemes.title')} intro={t('schemes.intro')}>
        <Link to="/assessments">{t('schemes.toCampaigns')}</Link>
      </PageHead>
      {manages && (
        <Space wrap style={{ marginBottom: 16 }}>
          {issuesStreets && (
            <>
              <PeriodSelect
                value={starterPeriod}
                onChange={setStarterPeriod}
                kinds={['HALF', 'YEAR']}
                ariaLabel={t('schemes.period')}
              />
              <Button
                type="primary"
                icon={<PlusOutlined />}
                loading={create.isPending}
                data-testid="scheme-starter"
                onClick={() =>
                  create.mutate(
                    { how: 'starter', body: { org: me.org.id, period: starterPeriod } },
                    { onSuccess: (s) => opened(s.id), onError: failed },
                  )
                }
              >
                {t('schemes.fromStarter')}
              </Button>
            </>
          )}
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="scheme-import">
            {t('schemes.import')}
          </Button>
        </Space>
      )}
      {schemes.isPending ? (
        <PageLoading />
      ) : schemes.isError ? (
        <ErrorState error={schemes.error} onRetry={() => schemes.refetch()} />
      ) : schemes.data.items.length === 0 ? (
        <Empty description={t('schemes.empty')} />
      ) : (
        <Table
          data-testid="schemes"
          rowKey="id"
          pagination={false}
          scroll={wide ? { x: 'max-content' } : undefined}
          dataSource={schemes.data.items}
          columns={[
            {
              title: t('schemes.name'),
              dataIndex: 'name',
              render: (name: string, s) => (
                <>
                  <Link to={`/assessments/schemes/${s.id}`}>{name}</Link>
                  {!wide && (
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      {periodLabel(s.periodCode, t)} · {nameOf(SCHEME_STATE_LABELS, s.state)} ·{' '}
                      {t('schemes.edition', { number: s.number })} · {t('schemes.total')} {s.total}
                    </Typography.Paragraph>
                  )}
                </>
              ),
            },
            { title: t('schemes.org'), dataIndex: 'orgName', responsive: ['md'] },
            {
              title: t('schemes.period'),
              dataIndex: 'periodCode',
              responsive: ['md'],
              render: (code: string) => periodLabel(code, t),
            },
            {
              title: t('schemes.state'),
              dataIndex: 'state',
              responsive: ['md'],
              render: (state: keyof typeof SCHEME_STATE_LABELS, s) => (
                <Space size={4}>
                  <Tag color={state === 'IN_USE' ? 'success' : undefined}>{nameOf(SCHEME_STATE_LABELS, state)}</Tag>
                  <span>{t('schemes.edition', { number: s.number })}</span>
                </Space>
              ),
            },
            { title: t('schemes.total'), dataIndex: 'total', responsive: ['md'] },
            ...(manages
              ? [
                  {
                    title: '',
                    key: 'copy',
                    render: (_: unknown, s: { id: string }) => (
                      <Button size="small" onClick={() => setCopyOf(s.id)}>
                        {t('schemes.copy')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Modal
        open={copyOf !== null}
        title={t('schemes.copyTitle')}
        okText={t('schemes.copy')}
        confirmLoading={create.isPending}
        onCancel={() => setCopyOf(null)}
        onOk={() =>
          copyOf &&
          create.mutate(
            { how: 'copy', from: copyOf, body: { period: copyPeriod, org: me.org.id } },
            { onSuccess: (s) => opened(s.id), onError: failed },
          )
        }
        destroyOnHidden
      >
        <Space>
          <span style={{ marginRight: 8 }}>{t('schemes.period')}</span>
          <PeriodSelect
            value={copyPeriod}
            onChange={setCopyPeriod}
            kinds={['HALF', 'YEAR']}
            ariaLabel={t('schemes.period')}
          />
        </Space>
      </Modal>
      {importing && (
        <SchemeImportDialog
          open={importing}
          onClose={() => setImporting(false)}
          target={{ org: me.org.id }}
          onImported={(saved) => {
            setImporting(false);
            void navigate(`/assessments/schemes/${saved.id}`, { state: { importWarnings: saved.importWarnings } });
          }}
        />
      )}
    </>
  );
}
