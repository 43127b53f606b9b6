import type { Dashboard } from '@dutyboard/contracts/dashboard';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n-provider.tsx';
import { activitiesHref } from '../../../lib/links.ts';

/** The chart's figures as plain links: reachable by keyboard and readable without the chart. */
export function MonthLinks({ months }: { months: Dashboard['activitiesPerMonth'] }) {
  const { t } = useI18n();
  return (
    <div className="db-month-links">
      {months.map((m) => (
        <Link key={m.month} to={activitiesHref(m.filter)} data-testid="month-link" data-month={m.month}>
          {t('dashboard.monthLink', { month: dayjs(`${m.month}-01`).format('MMM'), count: m.count })}
        </Link>
      ))}
    </div>
  );
}
