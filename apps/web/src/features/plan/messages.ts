// UI strings the plan pages share (目标设置 and 责任清单): the names of the counted metrics, rule
// frequencies and rule units, used by components/plan-period-select.tsx and lib/metric-links.ts.

export const planZh = {
  'plan.metric.CENTRAL_GROUP_STUDY': '中心组理论学习',
  'plan.metric.SEMINAR': '专题研讨',
  'plan.metric.BRANCH_STUDY': '支部学习',
  'plan.metric.CADRE_TRAINING': '干部培训',
  'plan.metric.ACTIVITY': '主题活动',
  'plan.metric.PARTY_LECTURE': '讲党课',
  'plan.metric.PUBLICITY': '宣传报道',
  'plan.metric.RISK_POINT_CHECK': '阵地按时排查',
  'plan.metric.ALERT_REPORTED_ON_TIME': '舆情按时报送',
  'plan.metric.ALERT_REGISTERED': '舆情登记',
  'plan.metric.ALERT_REPORTED': '舆情报送',
  'plan.metric.ALERT_CLOSED': '舆情办结',
  'plan.metric.RECTIFICATION_CLOSED': '整改完成',

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
  'plan.metric.CENTRAL_GROUP_STUDY': 'Central group study',
  'plan.metric.SEMINAR': 'Seminars',
  'plan.metric.BRANCH_STUDY': 'Branch study',
  'plan.metric.CADRE_TRAINING': 'Cadre training',
  'plan.metric.ACTIVITY': 'Themed activities',
  'plan.metric.PARTY_LECTURE': 'Party lectures',
  'plan.metric.PUBLICITY': 'Publicity items',
  'plan.metric.RISK_POINT_CHECK': 'Position checks on time',
  'plan.metric.ALERT_REPORTED_ON_TIME': 'Alerts reported on time',
  'plan.metric.ALERT_REGISTERED': 'Alerts registered',
  'plan.metric.ALERT_REPORTED': 'Alerts reported',
  'plan.metric.ALERT_CLOSED': 'Alerts closed',
  'plan.metric.RECTIFICATION_CLOSED': 'Rectifications closed',

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
