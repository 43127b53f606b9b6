// UI strings of 我的工作, a secretary's home (features/home).

export const homeZh = {
  'home.nav': '我的工作',
  'home.title': '我的工作',
  'home.newStudy': '新增学习',
  'home.allFigures': '全部指标',
  'home.gaps.title': '本期待完成',
  'home.gaps.none': '本期有目标的活动和学习都已完成',
  'home.gaps.behind': '按计划今日应完成 {expected}，还差 {missing}',
  'home.gaps.due': '本期还差 {missing}',
  'home.gaps.more': '另有 {count} 项未完成，见全部指标',
  'home.recent.title': '最近登记',
  'home.recent.empty': '还没有登记的活动或学习',
  'home.recent.activity': '活动',
  'home.recent.study': '学习',
} satisfies Record<string, string>;
