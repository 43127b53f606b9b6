// One figure of the overview: done (a link to exactly those records) against its target, the
// pace expected by today, and its parts, each a link to its own records.
import type { Kpi } from '@dutyboard/contracts/dashboard';
import { FIGURES } from '@dutyboard/contracts/figures';
import { PERIOD_RESULT_LABELS } from '@dutyboard/contracts/labels';
import { Card, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { PaceTag, percentOf, progressColor } from '../../../components/pace-tag.tsx';
import { COLORS } from '../../../lib/colors.ts';
import { breakdownLabel, dashboardMetricLabel } from '../../../lib/dashboard.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { drillHref } from '../../../lib/metric-links.ts';

/** `period`: the period's code, so the drill's list names the figure and period over its total. */
export function KpiCard({ kpi, ended = false, period }: { kpi: Kpi; ended?: boolean; period?: string }) {
  const { t, lang, nameOf } = useI18n();
  const label = dashboardMetricLabel(kpi.metric, lang);
  const href = kpi.drill ? drillHref(kpi.drill, period ? { figure: kpi.metric, period } : undefined) : null;
  // A figure where fewer is better (the registry's `better`) has no target: any count above zero is red.
  const fewerIsBetter = FIGURES[kpi.metric].better === 'LESS';
  const alarming = fewerIsBetter && kpi.done > 0;
  const figureStyle = alarming ? { color: COLORS.error } : undefined;
  const figure = href ? (
    <Link
      to={href}
      data-testid={`kpi-${kpi.metric}-done`}
      aria-label={`${t('kpi.viewRecords', { label })}: ${kpi.done}`}
      style={figureStyle}
    >
      {kpi.done}
    </Link>
  ) : (
    <span data-testid={`kpi-${kpi.metric}-done`} style={figureStyle}>
      {kpi.done}
    </span>
  );
  const percent = percentOf(kpi.done, kpi.target);
  // Each figure where fewer is better carries its own note (the messages are keyed per figure).
  const note =
    kpi.metric === 'RECTIFICATION_OPEN' || kpi.metric === 'ASSIGNMENT_OVERDUE'
      ? t(`dashboard.note.${kpi.metric}`)
      : t('kpi.noTarget');

  return (
    <Card
      size="small"
      data-testid={`kpi-${kpi.metric}`}
      data-status={kpi.status ?? undefined}
      title={<span title={label}>{label}</span>}
      extra={
        ended && kpi.target !== null ? (
          <Tag color={kpi.done >= kpi.target ? 'green' : 'red'} data-testid={`kpi-${kpi.metric}-result`}>
            {nameOf(PERIOD_RESULT_LABELS, kpi.done >= kpi.target ? 'MET' : 'MISSED')}
          </Tag>
        ) : kpi.status ? (
          <PaceTag status={kpi.status} />
        ) : null
      }
      style={{ height: '100%' }}
    >
      <div className="db-dash-kpi-figure">
        {figure}
        {kpi.target !== null && (
          <span className="db-dash-kpi-target">
            {'/ '}
            <span data-testid={`kpi-${kpi.metric}-target`}>{kpi.target}</span>
            {kpi.targetFrom === 'CHILDREN' && (
              <span className="db-dash-kpi-target-from" data-testid={`kpi-${kpi.metric}-target-from`}>
                {t('kpi.targetFromChildren')}
              </span>
            )}
          </span>
        )}
      </div>
      {kpi.target === null ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid={`kpi-${kpi.metric}-no-target`}>
          {note}
        </Typography.Text>
      ) : (
        <>
          <Progress
            percent={Math.min(percent, 100)}
            format={() => `${percent}%`}
            strokeColor={progressColor(kpi.status, kpi.done, kpi.target)}
            size="small"
            aria-label={t('kpi.doneOfTarget', { done: kpi.done, target: kpi.target })}
            style={{ marginBottom: 0 }}
          />
          {ended ? (
            <div className="db-dash-kpi-line">
              <Typography.Text type="secondary" data-testid={`kpi-${kpi.metric}-expected`}>
                {kpi.done >= kpi.target ? t('kpi.endedMet') : t('kpi.endedMissing', { missing: kpi.target - kpi.done })}
              </Typography.Text>
            </div>
          ) : (
            kpi.expected !== null && (
              <div className="db-dash-kpi-line">
                <Typography.Text type="secondary" data-testid={`kpi-${kpi.metric}-expected`}>
                  {t('kpi.expected', { expected: kpi.expected })}
                </Typography.Text>
              </div>
            )
          )}
        </>
      )}
      {kpi.breakdown.length > 0 && (
        // biome-ignore lint/a11y/useSemanticElements: a labelled group of links, not a form fieldset.
        <div className="db-dash-chips" role="group" aria-label={`${label} · ${t('kpi.parts')}`}>
          {kpi.breakdown.map((part) => {
            const partHref = drillHref(part.drill);
            const text = `${breakdownLabel(kpi.metric, part.key, lang)} ${part.count}`;
            return (
              <Tag key={part.key} data-testid={`kpi-${kpi.metric}-part`} data-key={part.key}>
                {partHref ? <Link to={partHref}>{text}</Link> : text}
              </Tag>
            );
          })}
        </div>
      )}
    </Card>
  );
}
