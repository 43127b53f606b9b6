// What an exported list is, in words: the title block above the table ("甲村党支部 主题活动
// （2026-03-01 至 2026-03-31）", then the filters, the count, who exported it and when) and the
// file name an office files it under (<org>-<list>-<period or date range>.xlsx). Enum values are
// the pages' words (contracts/labels.ts); the filter names are the list pages' filter labels.
import type { ExportFormat, ExportList } from '@dutyboard/contracts/exports';
import { FIGURES, type Figure } from '@dutyboard/contracts/figures';
import {
  ACTIVITY_CATEGORY_LABELS,
  ALERT_DATE_FIELD_LABELS,
  ALERT_FIELD_LABELS,
  ALERT_FLAG_LABELS,
  ALERT_LEVEL_LABELS,
  ALERT_STATE_LABELS,
  ASSIGNMENT_KIND_LABELS,
  ASSIGNMENT_STATUS_LABELS,
  AUDIT_ACTION_LABELS,
  type LabelTable,
  labelOf,
  OPLOG_FIELD_LABELS,
  PUBLICITY_LEVEL_LABELS,
  RECTIFICATION_DATE_FIELD_LABELS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  RISK_CHECK_RESULT_LABELS,
  RISK_CHECK_STATUS_LABELS,
  RISK_LEVEL_LABELS,
  RISK_POINT_TYPE_LABELS,
  STUDY_KIND_LABELS,
  STUDY_TOPIC_GROUP_LABELS,
  STUDY_TOPIC_LABELS,
  THING_LABELS,
} from '@dutyboard/contracts/labels';
import { periodFromCode } from '@dutyboard/contracts/periods';
import { periodName } from '@dutyboard/contracts/plan';
import type { PrismaClient } from '@dutyboard/db/client';
import type { AuthUser } from '../auth/sessions.ts';
import { shanghaiDate, shanghaiDateTime } from './columns.ts';
import type { SheetTitle } from './sheets.ts';

/** A filter's name on its list page and its value in words. */
interface FilterWord {
  label: string;
  value: (value: string) => string;
}

const enumWord = (label: string, table: LabelTable<string>): FilterWord => ({
  label,
  value: (v) => labelOf(table, v, 'zh'),
});
const yesNoWord = (label: string, yes = '是', no = '否'): FilterWord => ({
  label,
  value: (v) => (v === 'true' ? yes : no),
});

/**
 * Each list's filters other than org, dates, period and sort (those make the title, and the sort
 * shows in the table itself), in the order its filter bar shows them.
 */
const FILTER_WORDS: Readonly<Record<ExportList, Readonly<Record<string, FilterWord>>>> = {
  activities: { category: enumWord('活动类别', ACTIVITY_CATEGORY_LABELS) },
  'study-sessions': {
    kind: enumWord('学习类型', STUDY_KIND_LABELS),
    topicCategory: enumWord('主题类别', STUDY_TOPIC_LABELS),
    topicGroup: enumWord('研讨类别', STUDY_TOPIC_GROUP_LABELS),
    figure: {
      label: '统计口径',
      value: (v) => (Object.hasOwn(FIGURES, v) ? FIGURES[v as Figure].label.zh : v),
    },
  },
  publicity: { level: enumWord('媒体级别', PUBLICITY_LEVEL_LABELS) },
  'risk-points': {
    type: enumWord('阵地类型', RISK_POINT_TYPE_LABELS),
    level: enumWord('风险等级', RISK_LEVEL_LABELS),
    checkStatus: enumWord('排查状态', RISK_CHECK_STATUS_LABELS),
  },
  'risk-point-checks': {
    result: enumWord('排查结果', RISK_CHECK_RESULT_LABELS),
    onTime: yesNoWord('是否按时', '按时', '逾期'),
  },
  'risk-alerts': {
    state: enumWord(ALERT_FIELD_LABELS.state.zh, ALERT_STATE_LABELS),
    level: enumWord(ALERT_FIELD_LABELS.level.zh, ALERT_LEVEL_LABELS),
    flag: enumWord('提醒', ALERT_FLAG_LABELS),
  },
  rectifications: {
    status: enumWord('整改状态', RECTIFICATION_STATUS_LABELS),
    source: enumWord('问题来源', RECTIFICATION_SOURCE_LABELS),
    overdue: yesNoWord('是否逾期'),
    // open=true lists the ones not yet done.
    open: yesNoWord('是否完成', '否', '是'),
  },
  assignments: {
    kind: enumWord('类别', ASSIGNMENT_KIND_LABELS),
    status: enumWord('状态', ASSIGNMENT_STATUS_LABELS),
    overdue: yesNoWord('是否逾期'),
  },
  oplog: {
    kind: enumWord(OPLOG_FIELD_LABELS.kind.zh, THING_LABELS),
    action: enumWord(OPLOG_FIELD_LABELS.action.zh, AUDIT_ACTION_LABELS),
  },
};

/** A filter naming a person by id: the title says the person's name (first when the filter bar shows it first). */
const PERSON_FILTERS: Partial<Record<ExportList, { param: string; label: string; first?: true }>> = {
  assignments: { param: 'owner', label: '责任人' },
  oplog: { param: 'user', label: OPLOG_FIELD_LABELS.actor.zh, first: true },
};

/** The date a list's day range applies to, when the list lets the user choose it. */
const DATE_FIELD_WORDS: Partial<Record<ExportList, { table: LabelTable<string>; byDefault: string }>> = {
  'risk-alerts': { table: ALERT_DATE_FIELD_LABELS, byDefault: 'registeredAt' },
  rectifications: { table: RECTIFICATION_DATE_FIELD_LABELS, byDefault: 'createdAt' },
};

/** Characters a file name may not hold on Windows, macOS or Linux, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

export const fileNamePart = (text: string): string => text.replace(FILE_NAME_FORBIDDEN, '_').trim();

/** `attachment` with an ASCII name for old clients and the Chinese one (RFC 6266 / 5987). */
export function attachmentDisposition(ascii: string, chinese: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
}

const compact = (day: string) => day.replaceAll('-', '');

export interface ExportDescription {
  title: SheetTitle;
  /** "甲村党支部-主题活动-20260301-20260331.xlsx" */
  fileName: (format: ExportFormat) => string;
  /** "activities-20260301-20260331.xlsx": the ASCII fallback. */
  asciiName: (format: ExportFormat) => string;
}

/**
 * The title block and file names of a list export, for the user and the list's own filter (as the
 * route parsed it). Called after the rows were read, so the org is one the user may see.
 */
export async function describeListExport(
  prisma: PrismaClient,
  user: AuthUser,
  list: ExportList,
  listTitle: string,
  filter: Record<string, unknown>,
  rowCount: number,
  at: Date,
): Promise<ExportDescription> {
  const text = (key: string): string | undefined => {
    const value = filter[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const org = await prisma.orgUnit.findUnique({ where: { id: text('org') ?? user.orgId }, select: { name: true } });
  const orgName = org?.name ?? '';
  const today = shanghaiDate(at.toISOString()) ?? '';

  // The period: a plan period (assignments), a day range, or none (then the file is dated by today).
  let period: string;
  let filePeriod: string;
  let asciiPeriod: string;
  const code = text('period');
  const from = text('from');
  const to = text('to');
  if (code) {
    period = periodName(periodFromCode(code));
    filePeriod = period;
    asciiPeriod = code;
  } else if (from || to) {
    const dateField = DATE_FIELD_WORDS[list];
    const field = text('dateField');
    const by = dateField && field && field !== dateField.byDefault ? `${labelOf(dateField.table, field, 'zh')} ` : '';
    period = `${by}${from && to ? `${from} 至 ${to}` : from ? `${from} 起` : `截至 ${to}`}`;
    filePeriod =
      from && to ? `${compact(from)}-${compact(to)}` : from ? `${compact(from)}起` : `截至${compact(to ?? '')}`;
    asciiPeriod = `${from ? compact(from) : ''}-${to ? compact(to) : ''}`;
  } else {
    period = list === 'assignments' ? '全部周期' : list === 'risk-points' ? `截至 ${today}` : '全部日期';
    filePeriod = compact(today);
    asciiPeriod = compact(today);
  }

  const words = FILTER_WORDS[list];
  const filters = Object.entries(words).flatMap(([key, word]) => {
    const value = text(key);
    return value === undefined ? [] : [`${word.label}：${word.value(value)}`];
  });
  const personFilter = PERSON_FILTERS[list];
  const personId = personFilter && text(personFilter.param);
  if (personFilter && personId) {
    const person = await prisma.user.findUnique({ where: { id: personId }, select: { displayName: true } });
    const word = `${personFilter.label}：${person?.displayName ?? personId}`;
    if (personFilter.first) filters.unshift(word);
    else filters.push(word);
  }

  const line = [
    `筛选条件：${filters.length > 0 ? filters.join('；') : '无'}`,
    `共 ${rowCount} 条`,
    `导出人：${user.displayName || user.username}`,
    `导出时间：${shanghaiDateTime(at.toISOString())}`,
  ].join('　');

  const base = [orgName, listTitle, filePeriod].filter(Boolean).map(fileNamePart).join('-');
  return {
    title: { text: `${orgName} ${listTitle}（${period}）`.trim(), lines: [line] },
    fileName: (format) => `${base}.${format}`,
    asciiName: (format) => `${list}-${asciiPeriod}.${format}`,
  };
}
