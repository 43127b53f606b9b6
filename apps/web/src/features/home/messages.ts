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

export const homeEn: Record<keyof typeof homeZh, string> = {
  'home.nav': 'My work',
  'home.title': 'My work',
  'home.newStudy': 'New study session',
  'home.allFigures': 'All figures',
  'home.gaps.title': 'Still to do this period',
  'home.gaps.none': 'Every activity and study target of this period is met',
  'home.gaps.behind': 'Expected by today: {expected}; {missing} still to do',
  'home.gaps.due': '{missing} still to do this period',
  'home.gaps.more': '{count} more not yet met, see all figures',
  'home.recent.title': 'Recently recorded',
  'home.recent.empty': 'No activity or study recorded yet',
  'home.recent.activity': 'Activity',
  'home.recent.study': 'Study',
};
