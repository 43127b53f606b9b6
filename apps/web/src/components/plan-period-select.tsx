// The period picker of the plan pages (目标设置, 责任清单): unlike the reporting pages these plan
// ahead, so next year is offered too. Last, this and next year, each with its halves, quarters
// and the whole year; a code from a shared link that is not offered is added.

import { periodContaining } from '@dutyboard/contracts/periods';
import { periodsOfYear } from '@dutyboard/contracts/plan';
import { Select } from 'antd';
import { useI18n } from '../lib/i18n-provider.tsx';
import { periodLabel } from '../lib/periods.ts';

export function planPeriodCodes(now = new Date()): { year: number; codes: string[] }[] {
  const year = periodContaining('YEAR', now).year;
  return [year + 1, year, year - 1].map((y) => {
    const [whole, ...rest] = periodsOfYear(y).map((p) => p.code);
    // Halves and quarters first: they are what is planned most.
    return { year: y, codes: [...rest, ...(whole ? [whole] : [])] };
  });
}

export function PlanPeriodSelect({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t } = useI18n();
  const groups = planPeriodCodes();
  const options = groups.map(({ year, codes }) => ({
    label: t('plan.year', { year }),
    title: t('plan.year', { year }),
    options: codes.map((code) => ({ value: code, label: periodLabel(code, t) })),
  }));
  if (!groups.some((g) => g.codes.includes(value))) {
    options.unshift({
      label: t('period.label'),
      title: t('period.label'),
      options: [{ value, label: periodLabel(value, t) }],
    });
  }
  return (
    <Select
      aria-label={t('period.label')}
      data-testid="period-select"
      value={value}
      onChange={onChange}
      options={options}
      className="db-w-200"
      style={{ minWidth: 180 }}
      popupMatchSelectWidth={false}
      listHeight={360}
    />
  );
}
