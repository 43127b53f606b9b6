// "共 N 条" at the top of a list: the whole list's total (the API's first page answers it), with
// the figure and period it was reached from when a dashboard figure led here
// ("专题研讨 · 2026年上半年 · 共 6 条"), so a figure can be checked against its records at a glance.
import { Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../lib/i18n-provider.tsx';
import { figureLabel } from '../lib/labels.ts';
import { drillOriginFrom } from '../lib/metric-links.ts';
import { periodLabel } from '../lib/periods.ts';

/** `total`: undefined while it is not known yet (the first page is loading). */
export function ListTotal({ total }: { total: number | null | undefined }) {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const origin = drillOriginFrom(params);
  const parts = [
    ...(origin ? [figureLabel(origin.figure, lang), periodLabel(origin.period, t)] : []),
    ...(typeof total === 'number' ? [t('list.total', { count: total })] : []),
  ];
  if (parts.length === 0) return null;
  return (
    <Typography.Text type="secondary" className="db-list-total" data-testid="list-total">
      {parts.join(' · ')}
    </Typography.Text>
  );
}
