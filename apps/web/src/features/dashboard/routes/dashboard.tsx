import { IdSchema } from '@dutyboard/contracts/common';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { BranchProgressTable } from '../../../components/branch-progress-table.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { PeriodSelect } from '../../../components/period-select.tsx';
import { ForbiddenPage } from '../../../components/status-page.tsx';
import { can, hasScopeAll } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { useDashboard } from '../../../lib/dashboard.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { useOrgs } from '../../../lib/orgs.ts';
import { currentHalfCode, isPeriodCode } from '../../../lib/periods.ts';
import { KpiActivitiesCard } from '../components/kpi-activities-card.tsx';
import { MonthLinks } from '../components/month-links.tsx';

const ActivitiesPerMonthChart = lazy(async () => ({
  default: (await import('../components/activities-per-month-chart.tsx')).ActivitiesPerMonthChart,
}));

export function DashboardRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('period');
  const period = isPeriodCode(periodParam) ? periodParam : currentHalfCode();
  const orgParam = params.get('org');
  const org = IdSchema.safeParse(orgParam).success ? (orgParam as string) : undefined;

  const allowed = can(me, 'dashboard:read');
  const orgs = useOrgs({ enabled: allowed });
  const dashboard = useDashboard({ period, org });
  if (!allowed) return <ForbiddenPage />;

  const orgChoices = orgs.data?.items ?? [];
  const showOrgSelect = hasScopeAll(me) || orgChoices.length > 1;

  // Each choice is a history entry, so links can be shared and back/forward walk through them.
  const setParam = (key: 'period' | 'org', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const data = dashboard.data;
  return (
    <div>
      <div className="db-page-head">
        <div>
          <h1>{t('dashboard.title')}</h1>
          {data && (
            <Typography.Text type="secondary" data-testid="dashboard-org">
              {data.org.name}
            </Typography.Text>
          )}
        </div>
        <div className="db-filters" style={{ marginBottom: 0 }}>
          <PeriodSelect value={period} onChange={(code) => setParam('period', code)} />
          {showOrgSelect && (
            <OrgSelect
              testId="org-select"
              orgs={orgChoices}
              loading={orgs.isPending}
              value={org ?? data?.org.id ?? me.org.id}
              onChange={(id) => setParam('org', id)}
              className="db-w-220"
            />
          )}
        </div>
      </div>

      {dashboard.isPending ? (
        <PageLoading rows={6} />
      ) : dashboard.isError || !data ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <div style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1, transition: 'opacity 0.2s' }}>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <KpiActivitiesCard kpi={data.activities} />
            </Col>
            <Col xs={24} lg={16}>
              <Card title={t('dashboard.perMonth')} style={{ height: '100%' }}>
                <Suspense
                  fallback={
                    <div style={{ height: 240 }} role="status" aria-label={t('dashboard.chartLoading')}>
                      <Skeleton.Node active style={{ width: '100%', height: 240 }} />
                    </div>
                  }
                >
                  <ActivitiesPerMonthChart months={data.activitiesPerMonth} />
                </Suspense>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('dashboard.perMonthHint')}
                </Typography.Text>
                <MonthLinks months={data.activitiesPerMonth} />
              </Card>
            </Col>
            {data.activitiesPerBranch.length > 0 && (
              <Col span={24}>
                <Card title={t('dashboard.perBranch')} styles={{ body: { padding: 0 } }}>
                  <BranchProgressTable rows={data.activitiesPerBranch} />
                </Card>
              </Col>
            )}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            {t('dashboard.generatedAt', { time: formatDateTime(data.generatedAt) })}
          </Typography.Paragraph>
        </div>
      )}
    </div>
  );
}
