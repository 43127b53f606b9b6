// The top of the dashboard on a phone (issue 16.1): the figures that need attention (attention.ts)
// as one compact list — each figure's number a link to its records — then the open alerts with
// their clocks and the overdue responsibility items, before anything else.
import type { Dashboard, Kpi } from '@dutyboard/contracts/dashboard';
import { FIGURES } from '@dutyboard/contracts/figures';
import { PERIOD_RESULT_LABELS } from '@dutyboard/contracts/labels';
import { Alert, Card, Col, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PaceTag } from '../../../components/pace-tag.tsx';
import { dashboardMetricLabel } from '../../../lib/dashboard.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { drillHref } from '../../../lib/metric-links.ts';
import { attentionKpis } from './attention.ts';
import { OverdueOwnersCard } from './overdue-owners-card.tsx';

export function AttentionFirst({ data, ended, alerts }: { data: Dashboard; ended: boolean; alerts: ReactNode }) {
  const { t } = useI18n();
  const kpis = attentionKpis(data.kpis, ended);
  const hasAlerts = data.openAlerts.total > 0;
  const hasOverdue = data.overdueByOwner.length > 0;
  return (
    <section aria-labelledby="dashboard-attention" data-testid="dashboard-attention" style={{ marginBottom: 16 }}>
      <h2 className="db-dash-section" id="dashboard-attention">
        {t('dashboard.attention.title')}
      </h2>
      {kpis.length === 0 && !hasAlerts && !hasOverdue ? (
        <Alert type="success" showIcon title={t('dashboard.attention.none')} data-testid="dashboard-attention-none" />
      ) : (
        <Row gutter={[12, 12]}>
          {kpis.length > 0 && (
            <Col span={24}>
              <Card size="small" styles={{ body: { padding: '0 12px' } }}>
                <ul className="db-attn-list">
                  {kpis.map((kpi) => (
                    <AttentionRow key={kpi.metric} kpi={kpi} ended={ended} />
                  ))}
                </ul>
              </Card>
            </Col>
          )}
          {hasAlerts && <Col span={24}>{alerts}</Col>}
          {hasOverdue && (
            <Col span={24}>
              <OverdueOwnersCard owners={data.overdueByOwner} />
            </Col>
          )}
        </Row>
      )}
    </section>
  );
}

/** One figure in a line: its name and pace, done (a link to the records) of target, and why it is here. */
function AttentionRow({ kpi, ended }: { kpi: Kpi; ended: boolean }) {
  const { t, lang, nameOf } = useI18n();
  const label = dashboardMetricLabel(kpi.metric, lang);
  const href = kpi.drill ? drillHref(kpi.drill) : null;
  const problem = FIGURES[kpi.metric].better === 'LESS';
  const figure = href ? (
    <Link
      to={href}
      className="db-attn-figure"
      data-testid={`kpi-${kpi.metric}-done`}
      aria-label={`${t('kpi.viewRecords', { label })}: ${kpi.done}`}
    >
      {kpi.done}
    </Link>
  ) : (
    <span className="db-attn-figure" data-testid={`kpi-${kpi.metric}-done`}>
      {kpi.done}
    </span>
  );
  const why = problem
    ? t(`dashboard.note.${kpi.metric as 'RECTIFICATION_OPEN' | 'ASSIGNMENT_OVERDUE'}`)
    : kpi.target !== null && ended
      ? t('kpi.endedMissing', { missing: kpi.target - kpi.done })
      : kpi.expected !== null
        ? t('kpi.expected', { expected: kpi.expected })
        : null;
  return (
    <li className="db-attn-row" data-testid={`attention-${kpi.metric}`} data-status={kpi.status ?? undefined}>
      <div className="db-attn-head">
        <span className="db-attn-label">{label}</span>
        {ended && kpi.target !== null ? (
          <Tag color="red">{nameOf(PERIOD_RESULT_LABELS, 'MISSED')}</Tag>
        ) : (
          kpi.status && <PaceTag status={kpi.status} />
        )}
      </div>
      <div className={problem ? 'db-attn-line db-attn-problem' : 'db-attn-line'}>
        {figure}
        {kpi.target !== null && <span className="db-dash-kpi-target">/ {kpi.target}</span>}
        {why && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {why}
          </Typography.Text>
        )}
      </div>
    </li>
  );
}
