// The per-month bar chart. Loaded lazily (recharts is the largest dependency), so the dashboard's
// figures paint before it arrives. Each bar and each month link opens that month's records.
import type { Dashboard } from '@dutyboard/contracts/dashboard';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { activitiesHref } from '../../../lib/links.ts';

type MonthRow = Dashboard['activitiesPerMonth'][number];

export function ActivitiesPerMonthChart({ months }: { months: MonthRow[] }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  // `lang` is read so the month names follow a language switch (dayjs's locale is global).
  const data = months.map((m) => ({ ...m, label: dayjs(`${m.month}-01`).format('MMM'), lang }));
  return (
    <div data-testid="activities-per-month-chart" style={{ width: '100%', height: 240 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip
            cursor={{ fill: 'rgba(168, 7, 26, 0.06)' }}
            formatter={(value) => [String(value), t('kpi.activities')]}
          />
          <Bar
            dataKey="count"
            fill="#cf1322"
            radius={[4, 4, 0, 0]}
            maxBarSize={48}
            animationDuration={400}
            style={{ cursor: 'pointer' }}
            onClick={(entry) => {
              const row = (entry as { payload?: MonthRow }).payload;
              if (row) void navigate(activitiesHref(row.filter));
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
