// The periods the period selectors offer and how they are labelled.
import { IdSchema } from '@dutyboard/contracts/common';
import { PeriodCodeSchema, periodContaining } from '@dutyboard/contracts/periods';
import type { Translate } from './i18n.ts';

export function currentHalfCode(now = new Date()): string {
  return periodContaining('HALF', now).code;
}

export function isPeriodCode(value: string | null): value is string {
  return value !== null && PeriodCodeSchema.safeParse(value).success;
}

/** The period and org a page's URL asks for: the current half year and no org (the user's own) by default. */
export function periodOrgFromParams(params: URLSearchParams): { period: string; org: string | undefined } {
  const periodParam = params.get('period');
  const orgParam = params.get('org');
  return {
    period: isPeriodCode(periodParam) ? periodParam : currentHalfCode(),
    org: IdSchema.safeParse(orgParam).success ? (orgParam as string) : undefined,
  };
}

export function periodLabel(code: string, t: Translate): string {
  const year = code.slice(0, 4);
  const suffix = code.slice(5);
  if (!suffix) return t('period.YEAR', { year });
  return t(`period.${suffix as 'H1' | 'H2' | 'Q1' | 'Q2' | 'Q3' | 'Q4'}`, { year });
}

export type PeriodGroup = 'HALF' | 'QUARTER' | 'YEAR';

/** This year's and last year's halves, quarters and years, newest first, none in the future. */
export function periodChoices(now = new Date()): { group: PeriodGroup; codes: string[] }[] {
  const current = { HALF: periodContaining('HALF', now), QUARTER: periodContaining('QUARTER', now) };
  const year = current.HALF.year;
  const halves: string[] = [];
  const quarters: string[] = [];
  for (const y of [year, year - 1]) {
    for (let h = 2; h >= 1; h -= 1) if (y < year || h <= current.HALF.index) halves.push(`${y}-H${h}`);
    for (let q = 4; q >= 1; q -= 1) if (y < year || q <= current.QUARTER.index) quarters.push(`${y}-Q${q}`);
  }
  return [
    { group: 'HALF', codes: halves },
    { group: 'QUARTER', codes: quarters },
    { group: 'YEAR', codes: [String(year), String(year - 1)] },
  ];
}
