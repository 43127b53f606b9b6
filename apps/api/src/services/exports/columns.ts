// What an exported row shows, per list: the fields a person reads on the list and detail pages,
// under the same Chinese labels, with enums as their Chinese names, instants and days in
// Asia/Shanghai, and the record id last (to trace a row back). The server cannot import the web's
// dictionaries, so the labels are repeated here from features/*/messages.ts and lib/i18n.ts.
import type { Activity, ActivityCategory } from '@dutyboard/contracts/activities';
import type {
  Assignment,
  AssignmentKind,
  AssignmentRule,
  AssignmentStatus,
  RulePer,
} from '@dutyboard/contracts/assignments';
import { SHANGHAI_OFFSET_MS } from '@dutyboard/contracts/periods';
import type { PublicityItem, PublicityLevel } from '@dutyboard/contracts/publicity';
import type { Rectification, RectificationSource, RectificationStatus } from '@dutyboard/contracts/rectifications';
import type { AlertLevel, AlertState, RiskAlert } from '@dutyboard/contracts/risk-alerts';
import type {
  RiskCheckResult,
  RiskCheckStatus,
  RiskLevel,
  RiskPoint,
  RiskPointCheck,
  RiskPointType,
} from '@dutyboard/contracts/risk-points';
import type { StudyKind, StudySession, StudyTopic } from '@dutyboard/contracts/study-sessions';

export type Cell = string | number | null;

export interface Column<Row> {
  header: string;
  /** In characters, as Excel counts them (a Chinese character is about two). */
  width?: number;
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

const yesNo = (value: boolean | null | undefined): string | null =>
  value === true ? '是' : value === false ? '否' : null;

// ---------------------------------------------------------------------------------------------
// Enum labels (as the web shows them in zh)

export const ACTIVITY_CATEGORY_LABELS: Record<ActivityCategory, string> = {
  THEME_PARTY_DAY: '主题党日',
  RED_SONGS: '红色歌曲大家唱',
  OATH_REVIEW: '重温入党誓词',
  PARTY_LECTURE: '讲党课',
  PREACHING: '宣讲',
  VOLUNTEER: '志愿服务',
  OTHER: '其他',
};

export const STUDY_KIND_LABELS: Record<StudyKind, string> = {
  CENTRAL_GROUP: '中心组理论学习',
  SEMINAR: '专题研讨',
  BRANCH_STUDY: '支部学习',
  CADRE_TRAINING: '干部培训',
};

export const STUDY_TOPIC_LABELS: Record<StudyTopic, string> = {
  IDEOLOGY_WORK: '意识形态工作',
  ONLINE_IDEOLOGY: '网络意识形态',
  THEORY: '理论学习',
  PARTY_HISTORY: '党史学习',
  POLICY: '政策法规',
  OTHER: '其他',
};

export const PUBLICITY_LEVEL_LABELS: Record<PublicityLevel, string> = {
  CENTRAL: '中央媒体',
  PROVINCE: '省级媒体',
  CITY: '市级媒体',
  DISTRICT: '区级媒体',
  STREET_MEDIA: '街道自媒体',
};

export const RISK_POINT_TYPE_LABELS: Record<RiskPointType, string> = {
  WEBSITE: '网站',
  WECHAT_ACCOUNT: '微信公众号',
  WECHAT_GROUP: '微信群',
  BULLETIN_BOARD: '宣传栏/公告栏',
  VENUE: '活动场所',
  OTHER: '其他',
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { HIGH: '高风险', MEDIUM: '中风险', LOW: '低风险' };

export const RISK_CHECK_STATUS_LABELS: Record<RiskCheckStatus, string> = {
  OK: '按期',
  DUE_SOON: '即将到期',
  OVERDUE: '已逾期',
};

export const RISK_CHECK_RESULT_LABELS: Record<RiskCheckResult, string> = { NORMAL: '正常', ISSUE_FOUND: '发现问题' };

export const ALERT_LEVEL_LABELS: Record<AlertLevel, string> = {
  LEVEL_1: '一级',
  LEVEL_2: '二级',
  LEVEL_3: '三级',
  LEVEL_4: '四级',
};

export const ALERT_STATE_LABELS: Record<AlertState, string> = {
  REGISTERED: '已登记',
  ASSESSED: '已研判',
  REPORTED: '已报送',
  ACCEPTED: '已采纳',
  RETURNED: '已退回',
  HANDLING: '处置中',
  CLOSED: '已办结',
};

export const RECTIFICATION_SOURCE_LABELS: Record<RectificationSource, string> = {
  SELF_CHECK: '自查发现',
  AUDIT: '督查发现',
  ALERT: '舆情引发',
};

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  OPEN: '未开始',
  IN_PROGRESS: '整改中',
  DONE: '已完成',
};

export const ASSIGNMENT_KIND_LABELS: Record<AssignmentKind, string> = {
  FIRST_RESPONSIBLE: '第一责任人',
  AREA: '分管领域（一岗双责）',
  TASK: '工作任务',
};

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  OPEN: '进行中',
  DONE: '已完成',
  CANCELLED: '已取消',
};

/**
 * The figures a task's rule may count (plan.metric.* in the web). Keyed by string so a metric
 * added to the contract later still exports (under its code) rather than breaking the build.
 */
export const METRIC_LABELS: Readonly<Record<string, string>> = {
  CENTRAL_GROUP_STUDY: '中心组理论学习',
  SEMINAR: '专题研讨',
  BRANCH_STUDY: '支部学习',
  CADRE_TRAINING: '干部培训',
  ACTIVITY: '主题活动',
  PARTY_LECTURE: '讲党课',
  PUBLICITY: '宣传报道',
  RISK_POINT_CHECK: '阵地按时排查',
  ALERT_REGISTERED: '舆情登记',
  ALERT_REPORTED: '舆情报送',
  ALERT_REPORTED_ON_TIME: '舆情按时报送',
  ALERT_CLOSED: '舆情办结',
  RECTIFICATION_OPEN: '整改未完成',
  RECTIFICATION_CLOSED: '整改完成',
  ASSIGNMENT_DONE: '责任事项完成',
  ASSIGNMENT_OVERDUE: '责任事项逾期',
};

const RULE_PER_LABELS: Record<RulePer, string> = { PERIOD: '整个周期', QUARTER: '每季度', MONTH: '每月' };

/** "专题研讨：每季度至少 2 次" — the web's assignments.ruleText / ruleTextEachChild. */
export function ruleText(rule: AssignmentRule | null): string | null {
  if (!rule) return null;
  const metric = METRIC_LABELS[rule.metric] ?? rule.metric;
  const per = RULE_PER_LABELS[rule.per];
  return rule.eachChild ? `${metric}：每个下级组织${per}至少 ${rule.min} 次` : `${metric}：${per}至少 ${rule.min} 次`;
}

/** The reporting clock as the alert list shows it. */
function reportState(alert: RiskAlert): string {
  if (alert.clock.reportedLate === true) return '超时报送';
  if (alert.clock.reportedLate === false) return '按时报送';
  return alert.clock.overdue ? '已超时（未报送）' : '未报送';
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
  { header: '活动时间', width: DATETIME, value: (r) => shanghaiDateTime(r.occurredAt) },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '活动类别', width: 16, value: (r) => ACTIVITY_CATEGORY_LABELS[r.category] },
  { header: '活动名称', width: 40, value: (r) => r.title },
  { header: '参加人数', width: 10, value: (r) => r.participants },
  { header: '地点', width: 24, value: (r) => r.location },
  { header: '活动内容', width: 50, value: (r) => r.description },
  { header: '录入时间', width: DATETIME, value: (r) => shanghaiDateTime(r.createdAt) },
  { header: '最后修改', width: DATETIME, value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const STUDY_SESSION_COLUMNS: Column<StudySession>[] = [
  { header: '学习时间', width: DATETIME, value: (r) => shanghaiDateTime(r.occurredAt) },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '学习类型', width: 16, value: (r) => STUDY_KIND_LABELS[r.kind] },
  { header: '主题类别', width: 14, value: (r) => STUDY_TOPIC_LABELS[r.topicCategory] },
  { header: '学习主题', width: 40, value: (r) => r.topic },
  { header: '主持人', width: 12, value: (r) => r.host },
  { header: '应到人数', width: 10, value: (r) => r.expectedAttendance },
  { header: '实到人数', width: 10, value: (r) => r.actualAttendance },
  { header: '缺席人员', width: 30, value: absenteesText },
  { header: '学习材料', width: 40, value: (r) => r.materials },
  { header: '会议记录', width: 50, value: (r) => r.minutes },
  { header: '录入时间', width: DATETIME, value: (r) => shanghaiDateTime(r.createdAt) },
  { header: '最后修改', width: DATETIME, value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const PUBLICITY_COLUMNS: Column<PublicityItem>[] = [
  { header: '发布时间', width: DATETIME, value: (r) => shanghaiDateTime(r.publishedAt) },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '媒体级别', width: 12, value: (r) => PUBLICITY_LEVEL_LABELS[r.level] },
  { header: '媒体名称', width: 20, value: (r) => r.outlet },
  { header: '报道标题', width: 40, value: (r) => r.title },
  { header: '链接', width: 40, value: (r) => r.url },
  { header: '录入时间', width: DATETIME, value: (r) => shanghaiDateTime(r.createdAt) },
  { header: '最后修改', width: DATETIME, value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const RISK_POINT_COLUMNS: Column<RiskPoint>[] = [
  { header: '阵地名称', width: 30, value: (r) => r.name },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '阵地类型', width: 14, value: (r) => RISK_POINT_TYPE_LABELS[r.type] },
  { header: '风险等级', width: 10, value: (r) => RISK_LEVEL_LABELS[r.level] },
  { header: '管控措施', width: 40, value: (r) => r.controlMeasure },
  { header: '责任人', width: 12, value: (r) => r.responsiblePerson },
  { header: '排查周期（天）', width: 14, value: (r) => r.checkIntervalDays },
  { header: '上次排查', width: DATETIME, value: (r) => shanghaiDateTime(r.lastCheckedAt) },
  { header: '下次排查截止', width: DATETIME, value: (r) => shanghaiDateTime(r.nextCheckDueAt) },
  { header: '排查状态', width: 10, value: (r) => RISK_CHECK_STATUS_LABELS[r.checkStatus] },
  { header: '登记时间', width: DATETIME, value: (r) => shanghaiDateTime(r.createdAt) },
  { header: '最后修改', width: DATETIME, value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const RISK_POINT_CHECK_COLUMNS: Column<RiskPointCheck>[] = [
  { header: '排查时间', width: DATETIME, value: (r) => shanghaiDateTime(r.checkedAt) },
  { header: '阵地名称', width: 30, value: (r) => r.riskPointName },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '排查结果', width: 10, value: (r) => RISK_CHECK_RESULT_LABELS[r.result] },
  { header: '是否按时', width: 10, value: (r) => yesNo(r.onTime) },
  { header: '情况说明', width: 40, value: (r) => r.note },
  { header: '排查人', width: 12, value: (r) => r.checkedByName },
  { header: '录入时间', width: DATETIME, value: (r) => shanghaiDateTime(r.createdAt) },
  id(),
];

export const RISK_ALERT_COLUMNS: Column<RiskAlert>[] = [
  { header: '登记时间', width: DATETIME, value: (r) => shanghaiDateTime(r.registeredAt) },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '等级', width: 8, value: (r) => ALERT_LEVEL_LABELS[r.level] },
  { header: '状态', width: 10, value: (r) => ALERT_STATE_LABELS[r.state] },
  { header: '来源', width: 14, value: (r) => r.source },
  { header: '渠道', width: 14, value: (r) => r.channel },
  { header: '网址', width: 40, value: (r) => r.url },
  { header: '舆情摘要', width: 50, value: (r) => r.summary },
  { header: '传播量', width: 10, value: (r) => r.reach },
  { header: '报送时限', width: DATETIME, value: (r) => shanghaiDateTime(r.reportDueAt) },
  { header: '报送时间', width: DATETIME, value: (r) => shanghaiDateTime(r.reportedAt) },
  { header: '报送情况', width: 14, value: reportState },
  { header: '回执编号', width: 16, value: (r) => r.receiptNumber },
  { header: '办结时间', width: DATETIME, value: (r) => shanghaiDateTime(r.closedAt) },
  { header: '待催办', width: 8, value: (r) => yesNo(r.needsUrging) },
  { header: '最后修改', width: DATETIME, value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const RECTIFICATION_COLUMNS: Column<Rectification>[] = [
  { header: '登记时间', width: DATETIME, value: (r) => shanghaiDateTime(r.createdAt) },
  { header: '组织/支部', width: ORG, value: (r) => r.orgName },
  { header: '存在问题', width: 50, value: (r) => r.problem },
  { header: '问题来源', width: 12, value: (r) => RECTIFICATION_SOURCE_LABELS[r.source] },
  { header: '整改措施', width: 40, value: (r) => r.measure },
  { header: '责任人', width: 12, value: (r) => r.ownerName },
  { header: '整改时限', width: DAY, value: (r) => r.deadline },
  { header: '整改状态', width: 10, value: (r) => RECTIFICATION_STATUS_LABELS[r.status] },
  { header: '是否逾期', width: 10, value: (r) => yesNo(r.overdue) },
  { header: '完成时间', width: DATETIME, value: (r) => shanghaiDateTime(r.closedAt) },
  { header: '整改情况说明', width: 40, value: (r) => r.closingNote },
  {
    header: '关联舆情',
    width: 40,
    // A linked alert outside the reader's reach is named as such, never shown.
    value: (r) => (r.alert ? r.alert.summary : r.alertId ? '已关联舆情（不在您的查看范围内）' : null),
  },
  { header: '督查发现出处', width: 24, value: (r) => r.findingRef },
  { header: '最后修改', width: DATETIME, value: (r) => shanghaiDateTime(r.updatedAt) },
  id(),
];

export const ASSIGNMENT_COLUMNS: Column<Assignment>[] = [
  { header: '周期', width: 16, value: (r) => r.periodName },
  { header: '类别', width: 18, value: (r) => ASSIGNMENT_KIND_LABELS[r.kind] },
  { header: '组织', width: ORG, value: (r) => r.orgName },
  { header: '责任人', width: 12, value: (r) => r.ownerName },
  { header: '分管领域', width: 20, value: (r) => r.area },
  { header: '职责/任务', width: 50, value: (r) => r.task },
  { header: '完成期限', width: DAY, value: (r) => r.dueAt },
  { header: '状态', width: 10, value: (r) => ASSIGNMENT_STATUS_LABELS[r.status] },
  { header: '是否逾期', width: 10, value: (r) => yesNo(r.overdue) },
  { header: '完成规则', width: 36, value: (r) => ruleText(r.rule) },
  {
    header: '完成进度',
    width: 12,
    value: (r) => (r.progress ? `${r.progress.done}/${r.progress.required}` : null),
  },
  { header: '办结时间', width: DATETIME, value: (r) => shanghaiDateTime(r.doneAt) },
  { header: '办结说明', width: 40, value: (r) => r.closingNote },
  id(),
];
