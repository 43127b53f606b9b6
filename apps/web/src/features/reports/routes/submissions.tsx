// /reports/submissions (报送记录, ADR 047): the reports sent to an org (收到的, the level above's
// inbox) or sent by an org and the orgs below it (the figures' drill list, same query as the API:
// org, kind, from, to). /reports/submissions/:id (the bell's link) opens the inbox with that row
// marked. Each row downloads the report's Word file.
import { FileWordOutlined } from '@ant-design/icons';
import { IdSchema } from '@dutyboard/contracts/common';
import { LocalDateSchema } from '@dutyboard/contracts/periods';
import { REPORT_KIND_LABELS, type ReportKind, ReportKindSchema } from '@dutyboard/contracts/report-kinds';
import type { ReportSubmission } from '@dutyboard/contracts/report-submissions';
import { Button, Card, Empty, Segmented, Table, Tag } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { ListTotal } from '../../../components/list-total.tsx';
import { ScopeOrgSelect } from '../../../components/org-select.tsx';
import { PageHead } from '../../../components/page-head.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgChoices } from '../../../lib/orgs.ts';
import { patchParams } from '../../../lib/use-url-filter.ts';
import { useSubmissions } from '../api/submissions.ts';

export function SubmissionsRoute() {
  const me = useCurrentUser();
  const { t, nameOf } = useI18n();
  const allowed = can(me, 'dashboard:read');
  const orgs = useOrgChoices(allowed);
  const { id: focus } = useParams();
  const [params, setParams] = useSearchParams();
  const orgParam = params.get('org');
  const org = IdSchema.safeParse(orgParam).success ? (orgParam as string) : me.org.id;
  // The bell's link opens the inbox; a figure's drill (kind, days) the sent list.
  const received = params.get('received') === '1' || (focus !== undefined && params.get('received') !== '0');
  const kind = ReportKindSchema.safeParse(params.get('kind'));
  const day = (name: string) => {
    const v = LocalDateSchema.safeParse(params.get(name));
    return v.success ? v.data : undefined;
  };
  const query = {
    org,
    received: received ? ('1' as const) : ('0' as const),
    // A duty's drill (ADR 045): the org's own 报送 only, not its branches'.
    ...(!received && params.get('own') === 'true' ? { own: 'true' as const } : {}),
    ...(kind.success ? { kind: kind.data } : {}),
    ...(day('from') ? { from: day('from') } : {}),
    ...(day('to') ? { to: day('to') } : {}),
  };
  const list = useSubmissions(query, allowed);
  if (!allowed) return <ForbiddenPage />;
  const setParam = (changes: Record<string, string | undefined>) =>
    setParams(patchParams(params, changes), { replace: true });

  return (
    <div>
      <PageHead title={t('reports.submissionsTitle')} intro={t('reports.submissionsIntro')} />
      <Card style={{ marginBottom: 16 }}>
        <div className="db-filters" style={{ marginBottom: 0 }}>
          <Segmented
            value={received ? 'received' : 'sent'}
            onChange={(v) => setParam({ received: v === 'received' ? '1' : '0' })}
            options={[
              { value: 'received', label: t('reports.received') },
              { value: 'sent', label: t('reports.sentByUs') },
            ]}
            data-testid="submissions-side"
          />
          <ScopeOrgSelect choices={orgs} value={org} onChange={(id) => setParam({ org: id })} className="db-w-260" />
        </div>
      </Card>
      <Card>
        <ListTotal total={list.data?.items.length} />
        {list.isPending ? (
          <PageLoading rows={4} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('reports.submissionsEmpty')}
            data-testid="submissions-empty"
          />
        ) : (
          <Table<ReportSubmission>
            data-testid="submissions"
            rowKey="id"
            size="middle"
            pagination={false}
            scroll={{ x: 760 }}
            dataSource={list.data.items}
            rowClassName={(r) => (r.id === focus ? 'ant-table-row-selected' : '')}
            columns={[
              {
                title: t('reports.colReport'),
                key: 'title',
                render: (_, r) => (
                  <span data-testid="submission-title">
                    <Tag>{nameOf(REPORT_KIND_LABELS, r.kind as ReportKind)}</Tag>
                    {r.title}
                  </span>
                ),
              },
              { title: t('reports.colFrom'), dataIndex: 'orgName', key: 'from' },
              { title: t('reports.colTo'), dataIndex: 'toOrgName', key: 'to' },
              { title: t('reports.colDay'), dataIndex: 'sentOn', key: 'day', width: 120 },
              { title: t('reports.colDocNumber'), dataIndex: 'docNumber', key: 'doc' },
              {
                title: '',
                key: 'docx',
                width: 140,
                render: (_, r) => (
                  <Button
                    size="small"
                    icon={<FileWordOutlined />}
                    href={`/api/reports/summaries/${r.reportDraftId}/docx`}
                    data-testid="submission-docx"
                  >
                    {t('reports.download')}
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
