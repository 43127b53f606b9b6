// 工作看板: every figure of a period for an org (a 区, a street, one branch) against its targets
// with pace, the per-month trend, the children's table (named by their level; on a 区 or 市 it
// comes first, ADR 039), alerts and overdue tasks. Every number links to the
// records it counts. Period and org live in the URL, so links can be shared and back/forward
// walk through the choices; a branch in the table (or the breadcrumb) re-scopes the page.
import { childrenOversee } from '@dutyboard/contracts/orgs';
import { Alert, Breadcrumb, Button, Card, Col, Grid, Row, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { ExportButton } from '../../../components/export-button.tsx';
import { ScopeOrgSelect } from '../../../components/org-select.tsx';
import { PeriodSelect } from '../../../components/period-select.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useDashboard } from '../../../lib/dashboard.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { levelWords } from '../../../lib/levels.ts';
import { useOrgChoices } from '../../../lib/orgs.ts';
import { patchParams } from '../../../lib/use-url-filter.ts';
import { AlertFunnelCard } from '../components/alert-funnel-card.tsx';
import { AttentionFirst } from '../components/attention-first.tsx';
import { ChildrenBehind } from '../components/children-behind.tsx';
import { KpiSections, KpiSkeleton } from '../components/kpi-sections.tsx';
import { OverdueOwnersCard } from '../components/overdue-owners-card.tsx';
import { TrendCard } from '../components/trend-card.tsx';
import { trendIsEmpty } from '../components/trend-series.ts';
import { dashboardQueryFromParams } from '../prefetch.ts';
import '../dashboard.css';
import { COLORS } from '../../../lib/colors.ts';

// The two tables (per-branch figures, open alerts) sit below the KPI cards and bring antd's
// Table (with its tree, dropdown and pagination code, ~60 KB gzip): their code starts loading as
// soon as this page's code runs, beside the figures' request, but the KPI cards never wait for it.
const loadBranchTable = import('../../../components/branch-progress-table.tsx');
const loadOpenAlerts = import('../components/open-alerts-card.tsx');
const loadPager = import('../components/table-pager.tsx');
// A failed load is shown where the table renders (React.lazy rethrows it), not reported twice.
for (const load of [loadBranchTable, loadOpenAlerts, loadPager]) load.catch(() => undefined);
const BranchProgressTable = lazy(async () => ({ default: (await loadBranchTable).BranchProgressTable }));
const OpenAlertsCard = lazy(async () => ({ default: (await loadOpenAlerts).OpenAlertsCard }));
const TablePager = lazy(async () => ({ default: (await loadPager).TablePager }));

export function DashboardRoute() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = dashboardQueryFromParams(params);
  const { period, org } = query;

  const allowed = can(me, 'dashboard:read');
  // The org list is read when the selector opens: the first view names its org from the answer.
  const orgs = useOrgChoices(allowed, { deferred: true });
  const dashboard = useDashboard(query);
  // On a phone, what needs attention comes first and every figure waits behind "全部指标".
  const narrow = Grid.useBreakpoint().md === false;
  const [showAll, setShowAll] = useState(false);
  if (!allowed) return <ForbiddenPage />;

  // Each choice is a history entry, so links can be shared and back/forward walk through them.
  // Another period or org starts both tables at their first page.
  const setParam = (key: 'period' | 'org', value: string | undefined) =>
    setParams(patchParams(params, { [key]: value, bpage: undefined, opage: undefined }));
  const setPage = (key: 'bpage' | 'opage', page: number) =>
    setParams(patchParams(params, { [key]: page > 1 ? String(page) : undefined }));
  /** This page scoped to another org, same period; the home org needs no parameter. */
  const scopeHref = (orgId: string) => {
    const next = new URLSearchParams(params);
    next.delete('bpage');
    next.delete('opage');
    if (orgId === me.org.id) next.delete('org');
    else next.set('org', orgId);
    const search = next.toString();
    return search ? `/dashboard?${search}` : '/dashboard';
  };

  const data = dashboard.data;
  const nothingRecorded = data ? data.kpis.every((k) => k.done === 0) && trendIsEmpty(data.trend) : false;
  const ended = data ? Date.parse(data.generatedAt) >= Date.parse(data.period.endsAt) : false;
  const openAlerts = data && (
    <Suspense fallback={<Card size="small" loading style={{ height: '100%' }} />}>
      <OpenAlertsCard openAlerts={data.openAlerts} generatedAt={data.generatedAt} ended={ended} />
    </Suspense>
  );
  // A 区's (or 市's) page is an overseer's: its streets' ranking comes first (ADR 039).
  const overseer = data ? childrenOversee(data.childLevel) : false;
  const words = levelWords(data?.childLevel ?? 'BRANCH', lang);
  const childrenSection = data && data.branches.length > 0 && (
    <section
      className="db-dash-card-section"
      aria-labelledby="dashboard-branches"
      data-testid="dashboard-children"
      data-level={data.childLevel ?? undefined}
      style={overseer ? { marginBottom: 16 } : undefined}
    >
      <h2 className="db-dash-section" id="dashboard-branches">
        {t('dashboard.branches.title', words)}
      </h2>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('dashboard.branches.hint', words)}
      </Typography.Paragraph>
      {overseer && <ChildrenBehind rows={data.branches} unit={words.unit} hrefOf={scopeHref} />}
      <div style={{ background: COLORS.surface, borderRadius: 8, overflow: 'hidden' }}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} style={{ padding: 16 }} />}>
          <BranchProgressTable
            rows={data.branches}
            level={data.childLevel ?? 'BRANCH'}
            branchHref={(row) => scopeHref(row.orgId)}
          />
          <TablePager
            page={data.branchPage}
            label={t('dashboard.branches.pages', words)}
            testId="branch-pages"
            onChange={(page) => setPage('bpage', page)}
          />
        </Suspense>
      </div>
    </section>
  );
  return (
    <div>
      <div className="db-page-head">
        <div style={{ minWidth: 0 }}>
          <h1>{t('dashboard.title')}</h1>
          {data && (
            <div className="db-dash-head-org">
              {data.trail.length > 1 ? (
                <Breadcrumb
                  aria-label={t('dashboard.trail')}
                  data-testid="dashboard-trail"
                  items={data.trail.map((o, i) =>
                    i < data.trail.length - 1
                      ? { key: o.id, title: <Link to={scopeHref(o.id)}>{o.name}</Link> }
                      : { key: o.id, title: <span data-testid="dashboard-org">{o.name}</span> },
                  )}
                />
              ) : (
                <Typography.Text type="secondary" data-testid="dashboard-org">
                  {data.org.name}
                </Typography.Text>
              )}
            </div>
          )}
        </div>
        <div className="db-filters db-dash-filters" style={{ marginBottom: 0 }}>
          <PeriodSelect value={period} onChange={(code) => setParam('period', code)} />
          <ScopeOrgSelect
            choices={orgs}
            current={data?.org ?? (org ? undefined : me.org)}
            value={org ?? data?.org.id ?? me.org.id}
            onChange={(id) => setParam('org', id === me.org.id ? undefined : id)}
            className="db-w-220"
          />
          {/* Every figure of this period and org, with the query each was counted from. */}
          <ExportButton list={{ path: '/api/dashboard/export', name: 'dashboard' }} query={{ period, org }} />
        </div>
      </div>

      {dashboard.isPending ? (
        <KpiSkeleton />
      ) : dashboard.isError || !data ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <div
          style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}
          aria-busy={dashboard.isPlaceholderData}
          data-testid="dashboard"
          data-period={data.period.code}
          data-org={data.org.id}
        >
          {nothingRecorded && (
            <Alert
              type="info"
              showIcon
              data-testid="dashboard-empty"
              title={t('dashboard.empty')}
              description={t('dashboard.emptyHint')}
              style={{ marginBottom: 16 }}
            />
          )}
          {narrow && (
            <>
              <AttentionFirst data={data} ended={ended} alerts={openAlerts} />
              {overseer && childrenSection}
              <Button
                block
                size="large"
                aria-expanded={showAll}
                onClick={() => setShowAll((open) => !open)}
                data-testid="dashboard-all-toggle"
                style={{ marginBottom: 16 }}
              >
                {t(showAll ? 'dashboard.attention.hideAll' : 'dashboard.attention.showAll')}
              </Button>
            </>
          )}
          {(!narrow || showAll) && (
            <>
              {!narrow && overseer && childrenSection}
              <KpiSections kpis={data.kpis} ended={ended} period={data.period.code} />

              <Row gutter={[12, 12]} style={{ marginTop: 16 }}>
                {!overseer && childrenSection && <Col span={24}>{childrenSection}</Col>}
                <Col xs={24} lg={16}>
                  <TrendCard data={data} />
                </Col>
                <Col xs={24} lg={8}>
                  <AlertFunnelCard funnel={data.alertFunnel} />
                </Col>
                <Col xs={24} lg={16}>
                  {openAlerts}
                </Col>
                <Col xs={24} lg={8}>
                  <OverdueOwnersCard
                    owners={data.overdueByOwner}
                    pager={
                      <Suspense fallback={null}>
                        <TablePager
                          page={data.ownerPage}
                          label={t('dashboard.overdue.pages')}
                          testId="owner-pages"
                          simple
                          onChange={(page) => setPage('opage', page)}
                        />
                      </Suspense>
                    }
                  />
                </Col>
              </Row>
            </>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            {t('dashboard.generatedAt', { time: formatDateTime(data.generatedAt) })}
          </Typography.Paragraph>
        </div>
      )}
    </div>
  );
}
