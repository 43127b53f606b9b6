// The per-month chart of one figure: bars per month (each opens that month's records), the running
// total and the plan line. Loaded lazily (recharts is the largest dependency), so the KPI cards
// paint before it arrives.
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COLORS } from '../../../lib/colors.ts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { drillHref } from '../../../lib/metric-links.ts';
import { axisNumberFormat, type TrendPoint } from './trend-series.ts';

export function TrendChart({ points, metricLabel }: { points: TrendPoint[]; metricLabel: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  // `lang` is read so the month names follow a language switch (dayjs's locale is global).
  const data = useMemo(
    () => points.map((p) => ({ ...p, label: dayjs(`${p.month}-01`).format('MMM'), lang })),
    [points, lang],
  );
  const hasPlan = points.some((p) => p.plan !== null);
  const axisNumber = useMemo(() => axisNumberFormat(lang), [lang]);
  return (
    <div data-testid="trend-chart" style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} tickFormatter={axisNumber} />
          <Tooltip cursor={{ fill: COLORS.brandWash }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="count"
            name={`${metricLabel} · ${t('dashboard.trend.count')}`}
            fill={COLORS.chartBar}
            radius={[4, 4, 0, 0]}
            maxBarSize={40}
            animationDuration={400}
            style={{ cursor: 'pointer' }}
            onClick={(entry) => {
              const point = (entry as { payload?: TrendPoint }).payload;
              const href = point?.drill ? drillHref(point.drill) : null;
              if (href) void navigate(href);
            }}
          />
          <Line
            type="monotone"
            dataKey="cumulative"
            name={t('dashboard.trend.cumulative')}
            stroke={COLORS.brand}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            animationDuration={400}
          />
          {hasPlan && (
            <Line
              type="linear"
              dataKey="plan"
              name={t('dashboard.trend.plan')}
              stroke={COLORS.chartPlan}
              strokeDasharray="6 4"
              dot={false}
              animationDuration={400}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
