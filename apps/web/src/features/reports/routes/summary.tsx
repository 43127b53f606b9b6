// /reports/summary (工作总结): pick a period and an org, draft the summary from the records, read
// it as a document whose every figure opens its records, edit it block by block, save it as the
// next version of the org's summary of the period (a draft version is saved again in place; a
// save over someone else's newer change is refused and explained), 定稿 a version (locked: only a
// new version made from it), delete a draft version, export it as a 公文 Word file or a print
// view. Period, org and the open saved version live in the URL. Unsaved edits ask before the page
// is left and stay in this tab (lib/form-draft.ts), so Back and return brings them back.
import {
  CopyOutlined,
  DeleteOutlined,
  FileWordOutlined,
  LockOutlined,
  PrinterOutlined,
  ReloadOutlined,
  SaveOutlined,
  SendOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { IdSchema } from '@dutyboard/contracts/common';
import { SUMMARY_STATE_LABELS } from '@dutyboard/contracts/labels';
import { PeriodCodeSchema, periodContaining, periodFromCode, shanghaiLocalDate } from '@dutyboard/contracts/periods';
import {
  REPORT_KIND_DEFS,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  type ReportKind,
  ReportKindSchema,
} from '@dutyboard/contracts/report-kinds';
import { DOC_NUMBER_MAX } from '@dutyboard/contracts/report-submissions';
import type { SavedSummary, SavedSummaryListItem, SummaryContent } from '@dutyboard/contracts/reports';
import { SavedSummarySchema, SUMMARY_KIND, SummaryContentSchema } from '@dutyboard/contracts/reports';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
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
import { draftStore } from '../../../lib/form-draft.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgChoices } from '../../../lib/orgs.ts';
import { periodLabel } from '../../../lib/periods.ts';
import { useLeaveGuard } from '../../../lib/use-leave-guard.ts';
import { useSubmissionKey } from '../../../lib/use-submission-key.ts';
import { patchParams } from '../../../lib/use-url-filter.ts';
import { useSubmissions, useSubmitReport } from '../api/submissions.ts';
import {
  exportUrls,
  type SavedRef,
  useDeleteSummary,
  useFinalizeSummary,
  useGenerateSummary,
  useSavedSummaries,
  useSavedSummary,
  useSaveSummary,
} from '../api/summaries.ts';
import { SummaryDocument } from '../components/summary-document.tsx';
import '../reports.css';
import { PeriodSelect } from '../../../components/period-select.tsx';

/** The half year a summary is usually written for: the last one that has ended. */
export function lastCompleteHalf(now = new Date()): string {
  const current = periodContaining('HALF', now);
  return current.index === 2 ? `${current.year}-H1` : `${current.year - 1}-H2`;
}

/** The period a kind is usually written for: its first period kind's last one that has ended (ADR 047). */
export function defaultPeriodOf(kind: ReportKind, now = new Date()): string {
  const first = REPORT_KIND_DEFS[kind].periods[0];
  if (first === 'HALF') return lastCompleteHalf(now);
  if (first === 'QUARTER') {
    const q = periodContaining('QUARTER', now);
    return q.index > 1 ? `${q.year}-Q${q.index - 1}` : `${q.year - 1}-Q4`;
  }
  return String(periodContaining('YEAR', now).year - 1);
}

/** Whether a period code is one a kind covers. */
const periodFits = (kind: ReportKind, code: string | null): code is string =>
  code !== null &&
  PeriodCodeSchema.safeParse(code).success &&
  REPORT_KIND_DEFS[kind].periods.includes(periodFromCode(code).kind);

/**
 * The draft on screen: freshly generated, a saved version at the row version it was loaded, or a
 * new version made from a saved one (`basedOn`, its number) and not saved yet.
 */
interface OnScreen {
  content: SummaryContent;
  kind: ReportKind;
  period: string;
  org: string;
  generatedAt?: string;
  saved?: SavedSummary;
  basedOn?: number;
  dirty: boolean;
}

/** Unsaved edits of this tab's user, kept while they are unsaved; every part checked on reading. */
const unsavedSummary = draftStore<OnScreen | null>({
  key: (userId) => `dutyboard.draft.summary.${userId}`,
  fromStored: (stored) => {
    const content = SummaryContentSchema.safeParse(stored.content);
    const kind = ReportKindSchema.safeParse(stored.kind ?? SUMMARY_KIND);
    const period = PeriodCodeSchema.safeParse(stored.period);
    const org = IdSchema.safeParse(stored.org);
    const saved = stored.saved == null ? null : SavedSummarySchema.safeParse(stored.saved);
    if (!content.success || !kind.success || !period.success || !org.success || (saved && !saved.success)) return null;
    return {
      content: content.data,
      kind: kind.data,
      period: period.data,
      org: org.data,
      generatedAt: typeof stored.generatedAt === 'string' ? stored.generatedAt : undefined,
      saved: saved?.data,
      basedOn: typeof stored.basedOn === 'number' ? stored.basedOn : undefined,
      dirty: true,
    };
  },
});

export function SummaryRoute() {
  const me = useCurrentUser();
  const { t, lang, nameOf } = useI18n();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const allowed = can(me, 'dashboard:read');
  const canWrite = can(me, 'report:write');
  const orgs = useOrgChoices(allowed);

  const kindParam = ReportKindSchema.safeParse(params.get('kind'));
  const kind: ReportKind = kindParam.success ? kindParam.data : SUMMARY_KIND;
  const periodParam = params.get('period');
  const period = periodFits(kind, periodParam) ? periodParam : defaultPeriodOf(kind);
  const orgParam = params.get('org');
  const org = IdSchema.safeParse(orgParam).success ? (orgParam as string) : me.org.id;
  const draftParam = params.get('draft');
  const draftId = IdSchema.safeParse(draftParam).success ? (draftParam as string) : undefined;

  const draftKey = unsavedSummary.key(me.id);
  // Edits left unsaved on this tab (Back, a link, a reload) come back when the page opens again.
  const [restored] = useState(() => unsavedSummary.load(draftKey));
  const [doc, setDoc] = useState<OnScreen | null>(restored);
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [blockOpen, setBlockOpen] = useState(false);
  const [conflict, setConflict] = useState(false);
  const generate = useGenerateSummary();
  const save = useSaveSummary();
  const finalize = useFinalizeSummary();
  const remove = useDeleteSummary();
  const guard = useLeaveGuard(Boolean(doc?.dirty) || blockOpen);
  const onEditing = useCallback((open: boolean) => setBlockOpen(open), []);

  useEffect(() => {
    if (doc?.dirty) unsavedSummary.save(draftKey, doc);
    else unsavedSummary.clear(draftKey);
  }, [doc, draftKey]);

  // The URL follows a restored draft once (its period, org and saved version).
  useEffect(() => {
    if (!restored) return;
    setParams(
      patchParams(params, {
        kind: restored.kind,
        period: restored.period,
        org: restored.org,
        draft: restored.saved?.id,
      }),
      {
        replace: true,
      },
    );
  }, []);
  const submissionKey = useSubmissionKey<unknown>();
  const savedList = useSavedSummaries(kind, period, org);
  const opened = useSavedSummary(draftId);
  const submit = useSubmitReport();
  const [submitOpen, setSubmitOpen] = useState(false);
  const [submitForm] = Form.useForm<{ sentOn: string; docNumber: string }>();
  // The 报送 of the document on screen (one per kind, org and period).
  const sentList = useSubmissions({ org, kind, period }, allowed);
  const sent = sentList.data?.items.find((i) => i.orgId === org) ?? null;

  // A saved draft named in the URL is shown once loaded (and again after a reload), unless the
  // screen already holds that version or unsaved edits of it.
  useEffect(() => {
    const saved = opened.data;
    if (!saved) return;
    setDoc((current) => {
      if (current?.saved?.id === saved.id && (current.dirty || current.saved.version === saved.version)) return current;
      return {
        content: saved.content,
        kind: saved.kind as ReportKind,
        period: saved.periodCode,
        org: saved.orgId,
        saved,
        dirty: false,
      };
    });
  }, [opened.data]);

  if (!allowed) return <ForbiddenPage />;

  // The page's own controls replace the entry, so Back leaves the page (and asks when unsaved).
  const setParam = (changes: Record<string, string | undefined>) =>
    setParams(patchParams(params, changes), { replace: true });

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
        { kind, period, org },
        {
          onSuccess: (g) => {
            setDoc({
              content: g.content,
              kind,
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

  const discardRestored = () => {
    setShowRestored(false);
    setDoc(null);
    setParam({ draft: undefined });
  };

  const refusal = (failed: string) => (error: Error) => {
    if (isApiError(error) && error.status === 412) setConflict(true);
    else void message.error(`${failed}: ${errorText(error, lang, t)}`);
  };

  const runFinalize = (saved: SavedSummary) =>
    modal.confirm({
      title: t('reports.finalizeConfirmTitle', { number: saved.number }),
      content: t('reports.finalizeConfirm'),
      okText: t('reports.finalize'),
      cancelText: t('reports.cancel'),
      okButtonProps: { 'data-testid': 'finalize-ok' },
      onOk: () =>
        finalize.mutate(
          { id: saved.id, version: saved.version },
          {
            onSuccess: (final) => {
              setDoc({
                content: final.content,
                kind: final.kind as ReportKind,
                period: final.periodCode,
                org: final.orgId,
                saved: final,
                dirty: false,
              });
              void message.success(t('reports.finalized', { number: final.number }));
            },
            onError: refusal(t('reports.finalizeFailed')),
          },
        ),
    });

  const runDelete = (item: SavedRef & { number: number }) =>
    modal.confirm({
      title: t('reports.deleteConfirmTitle', { number: item.number }),
      content: t('reports.deleteConfirm'),
      okText: t('reports.delete'),
      cancelText: t('reports.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'delete-ok' },
      onOk: () =>
        remove.mutate(
          { id: item.id, version: item.version },
          {
            onSuccess: () => {
              // Read the screen and the URL as they are now, not as they were when asked.
              setDoc((current) => (current?.saved?.id === item.id ? null : current));
              setParams((now) => (now.get('draft') === item.id ? patchParams(now, { draft: undefined }) : now), {
                replace: true,
              });
              void message.success(t('reports.deleted', { number: item.number }));
            },
            onError: refusal(t('reports.deleteFailed')),
          },
        ),
    });

  /** A copy of a (final) version to change: saved, it is the document's next version. */
  const newVersionFrom = (saved: SavedSummary) => {
    setConflict(false);
    setDoc({
      content: saved.content,
      kind: saved.kind as ReportKind,
      period: saved.periodCode,
      org: saved.orgId,
      basedOn: saved.number,
      dirty: true,
    });
    setParam({ draft: undefined });
  };

  const runSave = () => {
    if (!doc) return;
    const body = { kind: doc.kind, period: doc.period, org: doc.org, content: doc.content };
    save.mutate(
      {
        // A draft version is saved in place; anything else becomes the next version.
        saved: doc.saved?.state === 'DRAFT' ? { id: doc.saved.id, version: doc.saved.version } : null,
        ...body,
        key: submissionKey(body),
      },
      {
        onSuccess: (saved) => {
          setConflict(false);
          setDoc({
            content: saved.content,
            kind: saved.kind as ReportKind,
            period: saved.periodCode,
            org: saved.orgId,
            saved,
            dirty: false,
          });
          setParam({ draft: saved.id, kind: saved.kind, period: saved.periodCode, org: saved.orgId });
          void message.success(t('reports.saved', { number: saved.number }));
        },
        onError: refusal(t('reports.saveFailed')),
      },
    );
  };

  const reloadLatest = async () => {
    const latest = await opened.refetch();
    if (latest.data) {
      setDoc({
        content: latest.data.content,
        kind: latest.data.kind as ReportKind,
        period: latest.data.periodCode,
        org: latest.data.orgId,
        saved: latest.data,
        dirty: false,
      });
      setConflict(false);
    }
  };

  /** 报送: the day and 文号 asked, then confirmed (it cannot be undone), sent to the org above. */
  const runSubmit = async () => {
    const saved = doc?.saved;
    if (!saved) return;
    const values = await submitForm.validateFields();
    modal.confirm({
      title: t('reports.submitConfirmTitle'),
      content: t('reports.submitConfirm', { docNumber: values.docNumber, day: values.sentOn }),
      okText: t('reports.submit'),
      cancelText: t('reports.cancel'),
      okButtonProps: { 'data-testid': 'submit-ok' },
      onOk: () =>
        submit.mutate(
          { id: saved.id, version: saved.version, input: values, key: submissionKey({ submit: saved.id, ...values }) },
          {
            onSuccess: (s) => {
              setSubmitOpen(false);
              void message.success(t('reports.submitted', { to: s.toOrgName }));
            },
            onError: refusal(t('reports.submitFailed')),
          },
        ),
    });
  };

  // Exports show what is stored: a saved draft, or (not yet edited) a fresh generation.
  const exportTarget = doc
    ? doc.saved
      ? doc.dirty
        ? null
        : { id: doc.saved.id }
      : doc.dirty
        ? null
        : { kind: doc.kind, period: doc.period, org: doc.org }
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

  const final = doc?.saved?.state === 'FINAL';
  const status = doc ? (
    <Space wrap size={[8, 4]} data-testid="draft-status">
      {doc.saved ? (
        <>
          <StateTag state={doc.saved.state} />
          <Typography.Text type="secondary">
            {doc.saved.state === 'FINAL'
              ? t('reports.finalInfo', {
                  number: doc.saved.number,
                  name: doc.saved.finalizedByName ?? '—',
                  time: doc.saved.finalizedAt ? formatDateTime(doc.saved.finalizedAt) : '—',
                })
              : t('reports.savedInfo', {
                  number: doc.saved.number,
                  name: doc.saved.updatedByName ?? '—',
                  time: formatDateTime(doc.saved.updatedAt),
                })}
          </Typography.Text>
        </>
      ) : doc.basedOn !== undefined ? (
        <Typography.Text type="secondary">{t('reports.copiedFrom', { number: doc.basedOn })}</Typography.Text>
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
      {guard}
      <PageHead title={t('reports.title')} intro={t('reports.intro')} />
      {showRestored && doc?.dirty && (
        <Alert
          type="info"
          showIcon
          data-testid="draft-restored"
          style={{ marginBottom: 16 }}
          title={t('reports.restored')}
          action={
            <Button size="small" type="link" onClick={discardRestored} data-testid="discard-restored">
              {t('reports.discardRestored')}
            </Button>
          }
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <div className="db-filters" style={{ marginBottom: 0 }}>
          <Select
            aria-label={t('reports.kind')}
            value={kind}
            onChange={(k: ReportKind) => setParam({ kind: k, period: defaultPeriodOf(k), draft: undefined })}
            options={REPORT_KINDS.map((k) => ({ value: k, label: nameOf(REPORT_KIND_LABELS, k) }))}
            className="db-w-260"
            data-testid="report-kind"
          />
          <ScopeOrgSelect
            choices={orgs}
            value={org}
            onChange={(id) => setParam({ org: id, draft: undefined })}
            className="db-w-260"
          />
          <PeriodSelect
            kinds={REPORT_KIND_DEFS[kind].periods}
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
              {canWrite && !final && (
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
              {canWrite && doc.saved?.state === 'DRAFT' && (
                <Tooltip title={doc.dirty ? t('reports.finalizeNeedsSave') : undefined}>
                  <Button
                    icon={<LockOutlined />}
                    loading={finalize.isPending}
                    disabled={doc.dirty}
                    onClick={() => doc.saved && runFinalize(doc.saved)}
                    data-testid="finalize-summary"
                  >
                    {t('reports.finalize')}
                  </Button>
                </Tooltip>
              )}
              {canWrite && final && doc.saved && (
                <Button
                  type="primary"
                  icon={<CopyOutlined />}
                  onClick={() => doc.saved && newVersionFrom(doc.saved)}
                  data-testid="new-version"
                >
                  {t('reports.newVersion')}
                </Button>
              )}
              {canWrite && final && doc.saved && !sent && (
                <Button
                  icon={<SendOutlined />}
                  onClick={() => {
                    submitForm.setFieldsValue({ sentOn: shanghaiLocalDate(new Date()), docNumber: '' });
                    setSubmitOpen(true);
                  }}
                  data-testid="submit-report"
                >
                  {t('reports.submit')}
                </Button>
              )}
              {exportButtons}
            </Space>
          </div>
          {sent && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="report-sent"
              title={t('reports.sentInfo', { to: sent.toOrgName, day: sent.sentOn, docNumber: sent.docNumber })}
            />
          )}
          {!canWrite && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('reports.readOnly')} />}
          {canWrite && final && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('reports.finalReadOnly')}
              data-testid="final-read-only"
            />
          )}
          <SummaryDocument
            // A new content source (another version, a copy) starts the editor afresh.
            key={`${doc.saved?.id ?? 'new'}:${doc.saved?.version ?? doc.basedOn ?? ''}`}
            content={doc.content}
            editable={canWrite && !final}
            onChange={(content) => setDoc({ ...doc, content, dirty: true })}
            onEditing={onEditing}
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
          <>
            {/* One document: its title once (the latest version's), its versions below, newest first. */}
            <Typography.Title level={3} className="summary-doc-title" data-testid="saved-document-title">
              {savedList.data.items[0]?.title}
            </Typography.Title>
            <Typography.Text type="secondary">{periodLabel(period, t)}</Typography.Text>
            <List
              data-testid="saved-summaries"
              dataSource={savedList.data.items}
              rowKey="id"
              renderItem={(item: SavedSummaryListItem) => (
                <List.Item
                  data-testid="saved-summary"
                  data-number={item.number}
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
                    ...(canWrite && item.state === 'DRAFT'
                      ? [
                          <Button
                            key="delete"
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            loading={remove.isPending && remove.variables?.id === item.id}
                            onClick={() => runDelete(item)}
                            data-testid="delete-saved"
                          >
                            {t('reports.delete')}
                          </Button>,
                        ]
                      : []),
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space size={8}>
                        <span data-testid="version-number">{t('reports.versionN', { number: item.number })}</span>
                        <StateTag state={item.state} />
                      </Space>
                    }
                    description={t('reports.draftUpdated', {
                      name: item.updatedByName ?? '—',
                      time: formatDateTime(item.updatedAt),
                    })}
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
      <Modal
        open={submitOpen}
        title={t('reports.submitTitle')}
        okText={t('reports.submitNext')}
        cancelText={t('reports.cancel')}
        onOk={() => void runSubmit()}
        onCancel={() => setSubmitOpen(false)}
        confirmLoading={submit.isPending}
        okButtonProps={{ 'data-testid': 'submit-next' }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('reports.submitTo', { to: doc?.content.addressee?.replace(/：$/, '') ?? t('reports.parentOrg') })}
        </Typography.Paragraph>
        <Form form={submitForm} layout="vertical" requiredMark>
          <Form.Item
            name="sentOn"
            label={t('reports.sentOn')}
            rules={[{ required: true, message: t('reports.sentOnRequired') }]}
          >
            <Input type="date" max={shanghaiLocalDate(new Date())} data-testid="submit-day" />
          </Form.Item>
          <Form.Item
            name="docNumber"
            label={t('reports.docNumber')}
            rules={[{ required: true, whitespace: true, message: t('reports.docNumberRequired') }]}
          >
            <Input maxLength={DOC_NUMBER_MAX} placeholder="城南工委〔2026〕12号" data-testid="submit-doc-number" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

/** 草稿 / 定稿, as the label table says it. */
function StateTag({ state }: { state: SavedSummary['state'] }) {
  const { nameOf } = useI18n();
  return (
    <Tag color={state === 'FINAL' ? 'green' : 'default'} data-testid="version-state">
      {nameOf(SUMMARY_STATE_LABELS, state)}
    </Tag>
  );
}
