// UI strings the plan pages share (目标设置 and 责任清单): rule frequencies and units. The figures'
// names are the registry's (FIGURES[x].label, read through lib/labels.ts figureLabel).

export const planZh = {
  'plan.frequency.MONTHLY': '每月',
  'plan.frequency.QUARTERLY': '每季度',
  'plan.frequency.HALF_YEARLY': '每半年',
  'plan.frequency.YEARLY': '每年',

  'plan.times': '{count} 次',
  'plan.year': '{year}年',
} satisfies Record<string, string>;
