// /reports/summary (工作总结): pick a period and an org, draft the summary from the records, read
// it as a document whose every figure opens its records, edit it block by block, save it (a new
// draft, then versions of it: a save over someone else's newer version is refused and explained),
// export it as a 公文 Word file or a print view. Period, org and the open saved draft live in the URL.
import {
  FileWordOutlined,
  PrinterOutlined,
  ReloadOutlined,
  SaveOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { IdSchema } from '@dutyboard/contracts/common';
import { periodContaining } from '@dutyboard/contracts/periods';
import type { SavedSummary, SummaryContent } from '@dutyboard/contracts/reports';
import { SummaryPeriodCodeSchema } from '@dutyboard/contracts/reports';
import { Alert, App, Button, Card, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { ScopeOrgSelect } from '../../../components/org-select.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgChoices } from '../../../lib/orgs.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { useSubmissionKey } from '../../../lib/use-submission-key.ts';
import { patchParams } from '../../../lib/use-url-filter.ts';
import {
  exportUrls,
  useGenerateSummary,
  useSavedSummaries,
  useSavedSummary,
  useSaveSummary,
} from '../api/summaries.ts';
import { SummaryDocument } from '../components/summary-document.tsx';
import '../reports.css';
import { PeriodSelect } from '../../../components/period-select.tsx';

/** A summary is written per half year or year, not per quarter. */
const SUMMARY_PERIOD_KINDS = ['HALF', 'YEAR'] as const;

/** The half year a summary is usually written for: the last one that has ended. */
export function lastCompleteHalf(now = new Date()): string {
  const current = periodContaining('HALF', now);
  return current.index === 2 ? `${current.year}-H1` : `${current.year - 1}-H2`;
}

/** The draft on screen: freshly generated, or a saved one at the version it was loaded. */
interface OnScreen {
  content: SummaryContent;
  period: string;
  org: string;
  generatedAt?: string;
  saved?: SavedSummary;
  dirty: boolean;
}

export function SummaryRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const allowed = can(me, 'dashboard:read');
  const canWrite = can(me, 'report:write');
  const orgs = useOrgChoices(allowed);

  const periodParam = params.get('period');
  const period =
    periodParam && SummaryPeriodCodeSchema.safeParse(periodParam).success ? periodParam : lastCompleteHalf();
  const orgParam = params.get('org');
  const org = IdSchema.safeParse(orgParam).success ? (orgParam as string) : me.org.id;
  const draftParam = params.get('draft');
  const draftId = IdSchema.safeParse(draftParam).success ? (draftParam as string) : undefined;

  const [doc, setDoc] = useState<OnScreen | null>(null);
  const [conflict, setConflict] = useState(false);
  const generate = useGenerateSummary();
  const save = useSaveSummary();
  const submissionKey = useSubmissionKey<unknown>();
  const savedList = useSavedSummaries(period, org);
  const opened = useSavedSummary(draftId);

  // A saved draft named in the URL is shown once loaded (and again after a reload), unless the
  // screen already holds that version or unsaved edits of it.
  useEffect(() => {
    const saved = opened.data;
    if (!saved) return;
    setDoc((current) => {
      if (current?.saved?.id === saved.id && (current.dirty || current.saved.version === saved.version)) return current;
      return { content: saved.content, period: saved.periodCode, org: saved.orgId, saved, dirty: false };
    });
  }, [opened.data]);

  if (!allowed) return <ForbiddenPage />;

  const setParam = (changes: Record<string, string | undefined>) => setParams(patchParams(params, changes));

  /** Runs `go` at once, or after confirming that unsaved edits may be dropped. */
  const leaveDraft = (go: () => void) => {
    if (!doc?.dirty) {
      go();
      return;
    }
    modal.confirm({
      title: t('reports.replaceConfirmTitle'),
      content: t('reports.replaceConfirm'),
      okText: t('reports.replaceOk'),
      cancelText: t('reports.cancel'),
      onOk: go,
    });
  };

  const runGenerate = () =>
    leaveDraft(() => {
      setConflict(false);
      generate.mutate(
        { period, org },
        {
          onSuccess: (g) => {
            setDoc({
              content: g.content,
              period: g.periodCode,
              org: g.orgId,
              generatedAt: g.generatedAt,
              dirty: false,
            });
            setParam({ draft: undefined });
          },
          onError: (error) => void message.error(`${t('reports.generateFailed')}: ${errorText(error, lang, t)}`),
        },
      );
    });

  const openSaved = (id: string) =>
    leaveDraft(() => {
      setConflict(false);
      setDoc(null);
      setParam({ draft: id });
    });

  const runSave = () => {
    if (!doc) return;
    const body = { period: doc.period, org: doc.org, content: doc.content };
    save.mutate(
      {
        saved: doc.saved ? { id: doc.saved.id, version: doc.saved.version } : null,
        ...body,
        key: submissionKey(body),
      },
      {
        onSuccess: (saved) => {
          setConflict(false);
          setDoc({ content: saved.content, period: saved.periodCode, org: saved.orgId, saved, dirty: false });
          setParam({ draft: saved.id, period: saved.periodCode, org: saved.orgId });
          void message.success(t('reports.saved'));
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 412) setConflict(true);
          else void message.error(`${t('reports.saveFailed')}: ${errorText(error, lang, t)}`);
        },
      },
    );
  };

  const reloadLatest = async () => {
    const latest = await opened.refetch();
    if (latest.data) {
      setDoc({
        content: latest.data.content,
        period: latest.data.periodCode,
        org: latest.data.orgId,
        saved: latest.data,
        dirty: false,
      });
      setConflict(false);
    }
  };

  // Exports show what is stored: a saved draft, or (not yet edited) a fresh generation.
  const exportTarget = doc
    ? doc.saved
      ? doc.dirty
        ? null
        : { id: doc.saved.id }
      : doc.dirty
        ? null
        : { period: doc.period, org: doc.org }
    : null;
  const urls = exportTarget ? exportUrls(exportTarget) : null;
  const exportButtons = (
    <Tooltip title={doc?.dirty ? t('reports.exportNeedsSave') : undefined}>
      <Space wrap>
        <Button icon={<FileWordOutlined />} href={urls?.docx} disabled={!urls} data-testid="export-docx">
          {t('reports.exportWord')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          href={urls?.print}
          target="_blank"
          rel="noopener"
          disabled={!urls}
          data-testid="export-print"
        >
          {t('reports.print')}
        </Button>
      </Space>
    </Tooltip>
  );

  const status = doc ? (
    <Space wrap size={[8, 4]} data-testid="draft-status">
      {doc.saved ? (
        <Typography.Text type="secondary">
          {t('reports.savedInfo', {
            version: doc.saved.version,
            name: doc.saved.updatedByName ?? '—',
            time: formatDateTime(doc.saved.updatedAt),
          })}
        </Typography.Text>
      ) : (
        doc.generatedAt && (
          <Typography.Text type="secondary">
            {t('reports.generatedAt', { time: formatDateTime(doc.generatedAt) })}
          </Typography.Text>
        )
      )}
      {doc.dirty && (
        <Tag color="orange" data-testid="draft-dirty">
          {t('reports.unsavedChanges')}
        </Tag>
      )}
    </Space>
  ) : null;

  return (
    <div>
      <PageHead title={t('reports.title')} intro={t('reports.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <div className="db-filters" style={{ marginBottom: 0 }}>
          <ScopeOrgSelect
            choices={orgs}
            value={org}
            onChange={(id) => setParam({ org: id, draft: undefined })}
            className="db-w-260"
          />
          <PeriodSelect
            kinds={SUMMARY_PERIOD_KINDS}
            ariaLabel={t('reports.period')}
            value={period}
            onChange={(code) => setParam({ period: code, draft: undefined })}
          />
          <Button
            type="primary"
            icon={<ThunderboltOutlined />}
            loading={generate.isPending}
            onClick={runGenerate}
            data-testid="generate-summary"
          >
            {t('reports.generate')}
          </Button>
        </div>
      </Card>

      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reports.conflictTitle')}
          description={t('reports.conflict')}
          action={
            <Button icon={<ReloadOutlined />} onClick={() => void reloadLatest()} data-testid="reload-latest">
              {t('reports.reload')}
            </Button>
          }
          data-testid="save-conflict"
        />
      )}

      {doc ? (
        <Card style={{ marginBottom: 16 }} className="summary-card">
          <div className="summary-toolbar">
            {status}
            <Space wrap>
              {canWrite && (
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  loading={save.isPending}
                  disabled={Boolean(doc.saved) && !doc.dirty}
                  onClick={runSave}
                  data-testid="save-summary"
                >
                  {t('reports.save')}
                </Button>
              )}
              {exportButtons}
            </Space>
          </div>
          {!canWrite && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('reports.readOnly')} />}
          <SummaryDocument
            content={doc.content}
            editable={canWrite}
            onChange={(content) => setDoc({ ...doc, content, dirty: true })}
          />
        </Card>
      ) : draftId && opened.isPending ? (
        <Card style={{ marginBottom: 16 }}>
          <PageLoading rows={8} />
        </Card>
      ) : draftId && opened.isError ? (
        <Card style={{ marginBottom: 16 }}>
          <ErrorState error={opened.error} title={t('reports.loadFailed')} onRetry={() => void opened.refetch()} />
        </Card>
      ) : generate.isPending ? (
        <Card style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('reports.generating')}</Typography.Text>
          <PageLoading rows={8} />
        </Card>
      ) : (
        <Card style={{ marginBottom: 16 }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.empty')} data-testid="summary-empty" />
        </Card>
      )}

      <Card title={t('reports.savedList')}>
        {savedList.isPending ? (
          <PageLoading rows={3} />
        ) : savedList.isError ? (
          <ErrorState error={savedList.error} onRetry={() => void savedList.refetch()} />
        ) : savedList.data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.savedEmpty')} data-testid="saved-empty" />
        ) : (
          <List
            data-testid="saved-summaries"
            dataSource={savedList.data.items}
            rowKey="id"
            renderItem={(item) => (
              <List.Item
                data-testid="saved-summary"
                actions={[
                  doc?.saved?.id === item.id ? (
                    <Tag key="current" color="blue">
                      {t('reports.current')}
                    </Tag>
                  ) : (
                    <Button key="open" size="small" onClick={() => openSaved(item.id)} data-testid="open-saved">
                      {t('reports.open')}
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={item.title}
                  description={`${periodLabel(item.periodCode, t)} · ${t('reports.draftUpdated', {
                    name: item.updatedByName ?? '—',
                    time: formatDateTime(item.updatedAt),
                    version: item.version,
                  })}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
