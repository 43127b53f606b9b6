// What an exported row shows, per list: the fields a person reads on the list and detail pages,
// under the same Chinese labels, with enums as their Chinese names, instants and days in
// Asia/Shanghai, and the record id last (to trace a row back). Enum and figure names come from
// contracts (labels.ts, figures.ts), which the web reads too.
import type { Activity } from '@dutyboard/contracts/activities';
import type { Assignment, AssignmentRule } from '@dutyboard/contracts/assignments';
import { FIGURES } from '@dutyboard/contracts/figures';
import {
  ACTIVITY_CATEGORY_LABELS,
  ALERT_CLOCK_LABELS,
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
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  RISK_CHECK_RESULT_LABELS,
  RISK_CHECK_STATUS_LABELS,
  RISK_LEVEL_LABELS,
  RISK_POINT_TYPE_LABELS,
  RULE_PER_LABELS,
  STUDY_KIND_LABELS,
  STUDY_TOPIC_LABELS,
  THING_LABELS,
} from '@dutyboard/contracts/labels';
import type { OplogEntry } from '@dutyboard/contracts/oplog';
import { SHANGHAI_OFFSET_MS } from '@dutyboard/contracts/periods';
import type { PublicityItem } from '@dutyboard/contracts/publicity';
import type { Rectification } from '@dutyboard/contracts/rectifications';
import type { RiskAlert } from '@dutyboard/contracts/risk-alerts';
import type { RiskPoint, RiskPointCheck } from '@dutyboard/contracts/risk-points';
import type { StudySession } from '@dutyboard/contracts/study-sessions';

export type Cell = string | number | null;

/** The 序号 column every list export starts with (sheets.ts): the row's place in the list, from 1. */
export const SERIAL_HEADER = '序号';

/**
 * A column whose text is a Shanghai wall-clock time ("2026-05-20 14:30") or day ("2026-05-20"):
 * the workbook stores it as a real date cell showing that same text (xlsx.ts), CSV as the text.
 * A datetime column's cell holding a day alone (a date-only record, shanghaiWhen) is a day cell.
 */
export type DateKind = 'datetime' | 'date';

export interface Column<Row> {
  header: string;
  /** The widest the column may grow to fit its text, in characters as Excel counts them (a Chinese character is about two). */
  width?: number;
  type?: DateKind;
  value: (row: Row) => Cell;
}

// ---------------------------------------------------------------------------------------------
// Values

/** "2026-05-20 14:30": an instant on the Shanghai clock (no daylight saving there, a fixed +8 h). */
export function shanghaiDateTime(instant: string | null): string | null {
  if (!instant) return null;
  const local = new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** "2026-05-20": the Shanghai calendar day of an instant. */
export function shanghaiDate(instant: string | null): string | null {
  if (!instant) return null;
  return new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A record's main instant as far as it is known: "2026-05-20 14:30", or "2026-05-20" alone when
 * only the day is (timeKnown false, contracts TimeKnownSchema). The workbook makes the day alone a
 * date cell without a time (xlsx.ts), never 00:00.
 */
export function shanghaiWhen(instant: string, timeKnown: boolean): string | null {
  return timeKnown ? shanghaiDateTime(instant) : shanghaiDate(instant);
}

const yesNo = (value: boolean | null | undefined): string | null =>
  value === true ? '是' : value === false ? '否' : null;

/** An enum value as the page shows it in Chinese (labels.ts, shared with the web). */
const zh = <K extends string>(table: LabelTable<K>, value: K): string => labelOf(table, value, 'zh');

/** "专题研讨：每季度至少 2 次" — the web's assignments.ruleText / ruleTextEachChild. */
export function ruleText(rule: AssignmentRule | null): string | null {
  if (!rule) return null;
  const metric = FIGURES[rule.metric].label.zh;
  const per = zh(RULE_PER_LABELS, rule.per);
  return rule.eachChild ? `${metric}：每个下级组织${per}至少 ${rule.min} 次` : `${metric}：${per}至少 ${rule.min} 次`;
}

/** The reporting clock as the alert list shows it. */
function reportState(alert: RiskAlert): string {
  const clock = ALERT_CLOCK_LABELS;
  if (alert.clock.reportedLate === true) return clock.late.zh;
  if (alert.clock.reportedLate === false) return clock.onTime.zh;
  return alert.clock.overdue ? clock.overdue.zh : clock.pending.zh;
}

/** Absentees as "张三：因病请假；李四：出差". */
function absenteesText(session: StudySession): string | null {
  if (session.absentees.length === 0) return null;
  return session.absentees.map((a) => `${a.name}：${a.reason}`).join('；');
}

// ---------------------------------------------------------------------------------------------
// Columns per list

const DATETIME = 18;
const DAY = 12;
const ORG = 20;
const ID = 38;

const id = <Row extends { id: string }>(): Column<Row> => ({ header: '记录编号', width: ID, value: (r) => r.id });

export const ACTIVITY_COLUMNS: Column<Activity>[] = [
  { header: '活动时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiWhen(r.occurredAt, r.timeKnown) },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '活动类别', width: 16, value: (r) => zh(ACTIVITY_CATEGORY_LABELS, r.category) },
  { header: '活动名称', width: 40, value: (r) => r.title },
  { header: '参加人数', width: 10, value: (r) => r.participants },
  { header: '地点', width: 24, value: (r) => r.location },
  { header: '活动内容', width: 50, value: (r) => r.description },
  { header: '录入时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.createdAt) },
  { header: '最后修改', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const STUDY_SESSION_COLUMNS: Column<StudySession>[] = [
  { header: '学习时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiWhen(r.occurredAt, r.timeKnown) },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '学习类型', width: 16, value: (r) => zh(STUDY_KIND_LABELS, r.kind) },
  { header: '主题类别', width: 14, value: (r) => zh(STUDY_TOPIC_LABELS, r.topicCategory) },
  { header: '学习主题', width: 40, value: (r) => r.topic },
  { header: '主持人', width: 12, value: (r) => r.host },
  { header: '应到人数', width: 10, value: (r) => r.expectedAttendance },
  { header: '实到人数', width: 10, value: (r) => r.actualAttendance },
  { header: '缺席人员', width: 30, value: absenteesText },
  { header: '学习材料', width: 40, value: (r) => r.materials },
  { header: '会议记录', width: 50, value: (r) => r.minutes },
  { header: '录入时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.createdAt) },
  { header: '最后修改', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const PUBLICITY_COLUMNS: Column<PublicityItem>[] = [
  { header: '发布时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.publishedAt) },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '媒体级别', width: 12, value: (r) => zh(PUBLICITY_LEVEL_LABELS, r.level) },
  { header: '媒体名称', width: 20, value: (r) => r.outlet },
  { header: '报道标题', width: 40, value: (r) => r.title },
  { header: '链接', width: 40, value: (r) => r.url },
  { header: '录入时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.createdAt) },
  { header: '最后修改', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const RISK_POINT_COLUMNS: Column<RiskPoint>[] = [
  { header: '阵地名称', width: 30, value: (r) => r.name },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '阵地类型', width: 14, value: (r) => zh(RISK_POINT_TYPE_LABELS, r.type) },
  { header: '风险等级', width: 10, value: (r) => zh(RISK_LEVEL_LABELS, r.level) },
  { header: '管控措施', width: 40, value: (r) => r.controlMeasure },
  { header: '责任人', width: 12, value: (r) => r.responsiblePerson },
  { header: '排查周期（天）', width: 14, value: (r) => r.checkIntervalDays },
  { header: '上次排查', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.lastCheckedAt) },
  { header: '下次排查截止', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.nextCheckDueAt) },
  { header: '排查状态', width: 10, value: (r) => zh(RISK_CHECK_STATUS_LABELS, r.checkStatus) },
  { header: '登记时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.createdAt) },
  { header: '最后修改', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const RISK_POINT_CHECK_COLUMNS: Column<RiskPointCheck>[] = [
  { header: '排查时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.checkedAt) },
  { header: '阵地名称', width: 30, value: (r) => r.riskPointName },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '排查结果', width: 10, value: (r) => zh(RISK_CHECK_RESULT_LABELS, r.result) },
  { header: '是否按时', width: 10, value: (r) => yesNo(r.onTime) },
  { header: '情况说明', width: 40, value: (r) => r.note },
  { header: '排查人', width: 12, value: (r) => r.checkedByName },
  { header: '录入时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.createdAt) },
  id(),
];

const A = ALERT_FIELD_LABELS;

export const RISK_ALERT_COLUMNS: Column<RiskAlert>[] = [
  { header: A.registeredAt.zh, width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.registeredAt) },
  { header: A.orgId.zh, width: ORG, value: (r) => r.orgName },
  { header: A.level.zh, width: 8, value: (r) => zh(ALERT_LEVEL_LABELS, r.level) },
  { header: A.state.zh, width: 10, value: (r) => zh(ALERT_STATE_LABELS, r.state) },
  { header: A.source.zh, width: 14, value: (r) => r.source },
  { header: A.channel.zh, width: 14, value: (r) => r.channel },
  { header: A.url.zh, width: 40, value: (r) => r.url },
  { header: A.summary.zh, width: 50, value: (r) => r.summary },
  { header: A.reach.zh, width: 10, value: (r) => r.reach },
  { header: A.reportDueAt.zh, width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.reportDueAt) },
  { header: A.reportedAt.zh, width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.reportedAt) },
  { header: '报送情况', width: 14, value: reportState },
  { header: A.receiptNumber.zh, width: 16, value: (r) => r.receiptNumber },
  { header: A.closedAt.zh, width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.closedAt) },
  { header: ALERT_FLAG_LABELS.URGE.zh, width: 8, value: (r) => yesNo(r.needsUrging) },
  { header: '最后修改', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const RECTIFICATION_COLUMNS: Column<Rectification>[] = [
  { header: '登记时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.createdAt) },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '存在问题', width: 50, value: (r) => r.problem },
  { header: '问题来源', width: 12, value: (r) => zh(RECTIFICATION_SOURCE_LABELS, r.source) },
  { header: '整改措施', width: 40, value: (r) => r.measure },
  { header: '责任人', width: 12, value: (r) => r.ownerName },
  { header: '整改时限', width: DAY, type: 'date', value: (r) => r.deadline },
  { header: '整改状态', width: 10, value: (r) => zh(RECTIFICATION_STATUS_LABELS, r.status) },
  { header: '是否逾期', width: 10, value: (r) => yesNo(r.overdue) },
  { header: '完成时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.closedAt) },
  { header: '整改情况说明', width: 40, value: (r) => r.closingNote },
  {
    header: '关联舆情',
    width: 40,
    // A linked alert outside the reader's reach is named as such, never shown.
    value: (r) => (r.alert ? r.alert.summary : r.alertId ? '已关联舆情（不在您的查看范围内）' : null),
  },
  { header: '督查发现出处', width: 24, value: (r) => r.findingRef },
  { header: '最后修改', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const ASSIGNMENT_COLUMNS: Column<Assignment>[] = [
  { header: '周期', width: 16, value: (r) => r.periodName },
  { header: '类别', width: 18, value: (r) => zh(ASSIGNMENT_KIND_LABELS, r.kind) },
  { header: '组织', width: ORG, value: (r) => r.orgName },
  { header: '责任人', width: 12, value: (r) => r.ownerName },
  { header: '分管领域', width: 20, value: (r) => r.area },
  { header: '职责/任务', width: 50, value: (r) => r.task },
  { header: '完成期限', width: DAY, type: 'date', value: (r) => r.dueAt },
  { header: '状态', width: 10, value: (r) => zh(ASSIGNMENT_STATUS_LABELS, r.status) },
  { header: '是否逾期', width: 10, value: (r) => yesNo(r.overdue) },
  { header: '完成规则', width: 36, value: (r) => ruleText(r.rule) },
  {
    header: '完成进度',
    width: 12,
    value: (r) => (r.progress ? `${r.progress.done}/${r.progress.required}` : null),
  },
  { header: '办结时间', width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.doneAt) },
  { header: '办结说明', width: 40, value: (r) => r.closingNote },
  id(),
];

const O = OPLOG_FIELD_LABELS;

/** A label of a table that may not know the value (an action or a kind the trail holds from before): the value as stored. */
const zhOr = (table: Record<string, { zh: string }>, value: string): string =>
  Object.hasOwn(table, value) ? (table[value]?.zh ?? value) : value;

/**
 * The 操作日志 as its page shows it (oplog-table.tsx), plus the id of the thing acted on, to trace
 * it; 改动 is the number of fields changed (the page's "改动 3 项").
 */
export const OPLOG_COLUMNS: Column<OplogEntry>[] = [
  { header: O.at.zh, width: DATETIME, type: 'datetime', value: (r) => shanghaiDateTime(r.at) },
  { header: O.actor.zh, width: 16, value: (r) => r.actorName ?? O.noActor.zh },
  { header: O.action.zh, width: 10, value: (r) => zhOr(AUDIT_ACTION_LABELS, r.action) },
  { header: O.subject.zh, width: 14, value: (r) => zhOr(THING_LABELS, r.entityType) },
  { header: O.subjectId.zh, width: ID, value: (r) => r.entityId },
  { header: O.org.zh, width: ORG, value: (r) => r.orgName },
  { header: O.fields.zh, width: 10, value: (r) => (r.fields.length > 0 ? r.fields.length : null) },
  { header: O.id.zh, width: 12, value: (r) => r.id },
];
