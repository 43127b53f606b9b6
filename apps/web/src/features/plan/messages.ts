// UI strings the plan pages share (目标设置 and 责任清单): the names of the counted metrics, rule
// frequencies and rule units, used by components/plan-period-select.tsx and lib/metric-links.ts.

import { figureMessages } from '@dutyboard/contracts/figures';

export const planZh = {
  // The figures' names are the registry's (contracts/figures.ts).
  ...figureMessages('zh'),

  'plan.frequency.MONTHLY': '每月',
  'plan.frequency.QUARTERLY': '每季度',
  'plan.frequency.HALF_YEARLY': '每半年',
  'plan.frequency.YEARLY': '每年',

  'plan.per.PERIOD': '整个周期',
  'plan.per.QUARTER': '每季度',
  'plan.per.MONTH': '每月',

  'plan.times': '{count} 次',
  'plan.year': '{year}年',
} satisfies Record<string, string>;

export const planEn: Record<keyof typeof planZh, string> = {
  ...figureMessages('en'),

  'plan.frequency.MONTHLY': 'Monthly',
  'plan.frequency.QUARTERLY': 'Quarterly',
  'plan.frequency.HALF_YEARLY': 'Every half year',
  'plan.frequency.YEARLY': 'Yearly',

  'plan.per.PERIOD': 'Whole period',
  'plan.per.QUARTER': 'Per quarter',
  'plan.per.MONTH': 'Per month',

  'plan.times': '{count} times',
  'plan.year': '{year}',
};
