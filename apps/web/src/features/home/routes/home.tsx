// 我的工作: a branch secretary's home (issue 16.1). One primary action per record kind she logs,
// her branch's figures of the current period still short of their targets (from the dashboard's
// answer, through the figure registry: what is behind pace first, each a tap away from the record
// that adds to it), her newest entries, and a way to the full dashboard. Nothing she cannot act on.
import { FormOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { PaceTag } from '../../../components/pace-tag.tsx';
import { can } from '../../../lib/auth.ts';
import { useCurrentUser } from '../../../lib/current-user.tsx';
import { dashboardMetricLabel, dashboardQueryOptions } from '../../../lib/dashboard.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { periodLabel, periodOrgFromParams } from '../../../lib/periods.ts';
import { recordPath } from '../../../lib/record-links.ts';
import { useRecentEntries } from '../api/get-recent.ts';
import { type Gap, gapsOf, HOME_KINDS } from '../home-kinds.ts';
import '../home.css';

/** No period or org chosen: the current half year of the user's home org, as the dashboard's default. */
const HOME_PARAMS = new URLSearchParams();

/** How many gaps the card lists before it points to the dashboard for the rest. */
const GAPS_SHOWN = 4;

export function HomeRoute() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const kinds = HOME_KINDS.filter((kind) => can(me, kind.permission));
  const readsDashboard = can(me, 'dashboard:read');
  const navigate = useNavigate();
  // Her home org and the current half year: the dashboard's defaults, the same cached answer.
  const dashboard = useQuery({ ...dashboardQueryOptions(periodOrgFromParams(HOME_PARAMS)), enabled: readsDashboard });
  const recent = useRecentEntries({
    activity: can(me, 'activity:read'),
    study: can(me, 'study:read'),
  });
  const data = dashboard.data;

  return (
    <div className="db-home" data-testid="home">
      <div className="db-page-head" style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0 }}>
          <h1>{t('home.title')}</h1>
          <Typography.Text type="secondary" data-testid="home-org">
            {me.org.name}
            {data ? ` · ${periodLabel(data.period.code, t)}` : ''}
          </Typography.Text>
        </div>
      </div>

      {kinds.length > 0 && (
        <div className="db-home-actions">
          {kinds.map((kind, index) => (
            <Button
              key={kind.newPath}
              type={index === 0 ? 'primary' : 'default'}
              size="large"
              block
              icon={index === 0 ? <PlusOutlined /> : <FormOutlined />}
              className="db-home-action"
              onClick={() => void navigate(kind.newPath)}
              data-testid={`home-new-${kind.source}`}
            >
              {t(kind.add)}
            </Button>
          ))}
        </div>
      )}

      <Row gutter={[16, 16]}>
        {readsDashboard && (
          <Col xs={24} lg={12}>
            <Card
              title={<h2 className="db-home-card-title">{t('home.gaps.title')}</h2>}
              data-testid="home-gaps"
              extra={
                <Link to="/dashboard" data-testid="home-dashboard" className="db-tap-link">
                  {t('home.allFigures')}
                </Link>
              }
            >
              {dashboard.isPending ? (
                <Skeleton active paragraph={{ rows: 3 }} />
              ) : dashboard.isError || !data ? (
                <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
              ) : (
                <GapList gaps={gapsOf(data.kpis, kinds)} />
              )}
            </Card>
          </Col>
        )}
        <Col xs={24} lg={readsDashboard ? 12 : 24}>
          <Card title={<h2 className="db-home-card-title">{t('home.recent.title')}</h2>} data-testid="home-recent">
            {recent.isPending ? (
              <Skeleton active paragraph={{ rows: 3 }} />
            ) : recent.error ? (
              <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
            ) : recent.entries.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.recent.empty')} />
            ) : (
              <ul className="db-home-list">
                {recent.entries.map((entry) => (
                  <li key={entry.id}>
                    <Link
                      to={recordPath(entry.entityType, entry.id)}
                      className="db-home-row"
                      data-testid="home-recent-entry"
                    >
                      <span className="db-home-row-main">
                        <span className="db-home-row-title">{entry.title}</span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t(entry.entityType === 'Activity' ? 'home.recent.activity' : 'home.recent.study')}
                          {' · '}
                          {formatDateTime(entry.occurredAt, entry.timeKnown)}
                        </Typography.Text>
                      </span>
                      <RightOutlined aria-hidden className="db-home-row-go" />
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function GapList({ gaps }: { gaps: Gap[] }) {
  const { t, lang } = useI18n();
  if (gaps.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.gaps.none')} />;
  }
  const shown = gaps.slice(0, GAPS_SHOWN);
  return (
    <>
      <ul className="db-home-list">
        {shown.map((gap) => {
          const { kpi } = gap;
          return (
            <li key={kpi.metric}>
              <Link
                to={gap.href}
                className="db-home-row"
                data-testid={`home-gap-${kpi.metric}`}
                data-behind={gap.behind}
              >
                <span className="db-home-row-main">
                  <span className="db-home-row-head">
                    <span className="db-home-row-title">{dashboardMetricLabel(kpi.metric, lang)}</span>
                    {kpi.status && kpi.status !== 'GREEN' && <PaceTag status={kpi.status} />}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('kpi.doneOfTarget', { done: kpi.done, target: kpi.target })}
                    {' · '}
                    {gap.behind && kpi.expected !== null
                      ? t('home.gaps.behind', { expected: kpi.expected, missing: gap.missing })
                      : t('home.gaps.due', { missing: gap.missing })}
                  </Typography.Text>
                </span>
                <RightOutlined aria-hidden className="db-home-row-go" />
              </Link>
            </li>
          );
        })}
      </ul>
      {gaps.length > shown.length && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
          {t('home.gaps.more', { count: gaps.length - shown.length })}
        </Typography.Paragraph>
      )}
    </>
  );
}
