// The period picker of the plan pages (目标设置, 责任清单): unlike the reporting pages these plan
// ahead, so next year is offered too. Last, this and next year, each with its halves, quarters
// and the whole year; a code from a shared link that is not offered is added.

import { periodContaining } from '@dutyboard/contracts/periods';
import { periodsOfYear } from '@dutyboard/contracts/plan';
import { useI18n } from '../lib/i18n-provider.tsx';
import { PeriodGroupsSelect } from './period-select.tsx';

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
  const groups = planPeriodCodes().map(({ year, codes }) => ({ label: t('plan.year', { year }), codes }));
  return <PeriodGroupsSelect value={value} onChange={onChange} groups={groups} listHeight={360} />;
}
