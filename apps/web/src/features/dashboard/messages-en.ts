// English UI strings of features/dashboard: loaded only when English is chosen (lib/i18n.ts
// loadLang); the keys and comments are messages.ts's.
import type { dashboardZh } from './messages.ts';

export const dashboardEn: Record<keyof typeof dashboardZh, string> = {
  'dashboard.title': 'Dashboard',
  'dashboard.generatedAt': 'Data as of {time}',
  'dashboard.chartLoading': 'Loading chart…',
  'dashboard.chartFailed':
    'The chart could not load; the figures and links below still work. Reload the page to try again.',
  'dashboard.trail': 'Organisation levels',
  'dashboard.empty': 'No data for this period',
  'dashboard.emptyHint':
    'Nothing has been recorded for the chosen period and organisation yet; targets and pace are still listed below.',

  'dashboard.section.study': 'Study',
  'dashboard.section.publicity': 'Publicity and education',
  'dashboard.section.risk': 'Positions and public-opinion alerts',
  'dashboard.section.duty': 'Rectifications and responsibility list',

  'dashboard.note.RECTIFICATION_OPEN': 'Not yet done as of now (any period)',
  'dashboard.note.ASSIGNMENT_OVERDUE': "This period's items past their due day and not done",

  'kpi.noTarget': 'No target set',
  'kpi.targetFromChildren': '(sum of units below)',
  'kpi.doneOfTarget': '{done} done of {target}',
  'kpi.expected': 'Expected by today: {expected}',
  'kpi.endedMet': 'Target met by the end of the period',
  'kpi.endedMissing': '{missing} short at the end of the period',
  'kpi.viewRecords': 'Records of “{label}”',
  'kpi.parts': 'Parts',

  'dashboard.trend.title': 'Per month',
  'dashboard.trend.metric': 'Choose a figure',
  'dashboard.trend.count': 'In the month',
  'dashboard.trend.cumulative': 'Done so far',
  'dashboard.trend.plan': 'Planned so far',
  'dashboard.trend.hint':
    "Click a bar or a month below for that month's records; the dashed line spreads the target evenly over the months.",
  'dashboard.trend.noTarget': 'No target for this figure in this period, so no plan line.',
  'dashboard.monthLink': '{month}: {count}',

  'dashboard.funnel.title': 'Alert handling',
  'dashboard.funnel.hint': 'Alerts registered in the period, by their state now',
  'dashboard.funnel.empty': 'No alert registered in this period',

  'dashboard.overdue.title': 'Overdue responsibility items',
  'dashboard.overdue.hint': "This period's overdue items, by owner",
  'dashboard.overdue.empty': 'No overdue item in this period',

  'dashboard.alerts.title': 'Open alerts',
  'dashboard.alerts.titleEnded': 'Alerts registered by the period’s end, still open',
  'dashboard.alerts.emptyEnded': 'Every alert registered by the period’s end is closed',
  'dashboard.alerts.viewAll': 'All {total}',
  'dashboard.alerts.empty': 'No open alert',
  'dashboard.alerts.more': 'The {shown} most urgent of {total}',
  'dashboard.alerts.colLevel': 'Level',
  'dashboard.alerts.colSummary': 'Summary',
  'dashboard.alerts.colOrg': 'Organisation',
  'dashboard.alerts.colRegistered': 'Registered',
  'dashboard.alerts.colClock': 'Report clock',
  'dashboard.clock.remaining': '{time} left',
  'dashboard.clock.overdue': 'Overdue by {time}',
  'dashboard.clock.reported': 'Reported',
  'dashboard.clock.reportedLate': 'Reported late',
  'dashboard.duration.minutes': '{m} min',
  'dashboard.duration.hours': '{h} h {m} min',
  'dashboard.duration.wholeHours': '{h} h',
  'dashboard.duration.days': '{d} d {h} h',
  'dashboard.duration.wholeDays': '{d} d',

  'dashboard.branches.title': '{group}: progress',
  'dashboard.branches.hint': 'Click a name ({unit}) for its own dashboard; click a figure for its records.',
  'dashboard.branches.behind': 'Needs attention: ',
  'dashboard.branches.listSeparator': ', ',
  'dashboard.branches.behindOne': '{name} ({count} behind)',
  'dashboard.branches.noneBehind': 'Nothing behind pace this period ({unit})',
  'branch.rank': 'Rank',
  'branch.score': 'Overall',
  'branch.scoreHint': 'Mean completion of the figures with a target (each counted at most 100%)',
  'branch.noScore': 'No target',
  'branch.cell': '{label}: {done} / {target}',
  'branch.cellNoTarget': '{label}: {done} (no target)',
  'branch.empty': 'This organisation has no organisations below it',

  'dashboard.attention.title': 'Needs attention',
  'dashboard.attention.none': 'No figure behind, no open alert and nothing overdue this period',
  'dashboard.attention.showAll': 'All figures',
  'dashboard.attention.hideAll': 'Hide all figures',
  'dashboard.branches.pages': 'Pages of {group}: progress',
  'dashboard.overdue.pages': 'Pages of the overdue tasks',
  'dashboard.pageRange': '{from}–{to} of {total}',
};
