// What users call each enum value, in both languages, declared once (docs/decisions/022): the web
// shows `.zh` or `.en` by the chosen language, the exports, the DOCX and the 工作总结 write `.zh`,
// so a page and its spreadsheet cannot name the same value differently. Figures are not here:
// their names are FIGURES[x].label (figures.ts). Phrasing that only fits inside a sentence stays
// with the sentence (summary-text.ts) but starts from these words.
import {
  ACCOUNTABILITY_MEASURES,
  ACCOUNTABILITY_TYPES,
  type AccountabilityMeasure,
  type AccountabilityType,
  NOTICE_COLOURS,
  type NoticeColour,
} from './accountability.ts';
import { ACTIVITY_CATEGORIES, type ActivityCategory } from './activities.ts';
import {
  CAMPAIGN_STATES,
  type CampaignState,
  RETURN_STATES,
  REVIEW_DECISIONS,
  type ReturnState,
  type ReviewDecision,
} from './assessment-campaigns.ts';
import {
  COUNT_METHODS,
  type CountMethod,
  SCHEME_LEVELS,
  SCHEME_RULE_TYPES,
  SCHEME_STATES,
  SCORERS,
  type SchemeLevel,
  type SchemeRuleType,
  type SchemeState,
  type Scorer,
} from './assessments.ts';
import {
  ASSIGNMENT_KINDS,
  ASSIGNMENT_STATUSES,
  type AssignmentKind,
  type AssignmentStatus,
  RULE_PERS,
  type RulePer,
} from './assignments.ts';
import type { MeetingKind } from './committee-meetings.ts';
import { PaceStatusSchema } from './dashboard.ts';
import {
  DUTIES,
  DUTY_KINDS,
  DUTY_RHYTHMS,
  DUTY_STATES,
  type DutyKind,
  type DutyRhythm,
  type DutyState,
} from './duties.ts';
import type { EventKind, EventState } from './event-approvals.ts';
import { EVIDENCE_PACK_STATES, type EvidencePackState } from './evidence-packs.ts';
import type { Figure } from './figures.ts';
import { IMPORT_KINDS, IMPORT_STATES, type ImportKind, type ImportState } from './imports.ts';
import { NOTIFICATION_KINDS, type NotificationKind } from './notifications.ts';
import { AUDIT_ACTIONS, type AuditAction } from './oplog.ts';
import { ORG_KINDS, ORG_LEVELS, type OrgKind, type OrgLevel } from './orgs.ts';
import type { PaceStatus } from './periods.ts';
import { ROLES, type Role } from './permissions.ts';
import { PUBLICITY_LEVELS, type PublicityLevel } from './publicity.ts';
import {
  RECTIFICATION_DATE_FIELDS,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
  type RectificationSource,
  type RectificationStatus,
} from './rectifications.ts';
import { SUMMARY_STATES, type SummaryState } from './reports.ts';
import {
  ALERT_FROZEN_FIELDS,
  ALERT_LEVELS,
  ALERT_STATES,
  type AlertFrozenField,
  type AlertLevel,
  type AlertState,
  RISK_ALERT_DATE_FIELDS,
  RISK_ALERT_FLAGS,
  type RiskAlertFlag,
} from './risk-alerts.ts';
import {
  POSITION_RED_REASONS,
  type PositionRedReason,
  RISK_CHECK_RESULTS,
  RISK_CHECK_STATUSES,
  RISK_LEVELS,
  RISK_POINT_TYPES,
  type RiskCheckResult,
  type RiskCheckStatus,
  type RiskLevel,
  type RiskPointType,
} from './risk-points.ts';
import {
  MAKE_UP_WAYS,
  type MakeUpWay,
  ROSTER_ROLES,
  ROSTER_STATUSES,
  type RosterRole,
  type RosterStatus,
  STUDY_KINDS,
  type StudyKind,
  type StudyTopic,
} from './study-sessions.ts';
import { STUDY_TOPIC_GROUPS, STUDY_TOPICS, type StudyTopicGroup } from './study-topics.ts';

export interface Label {
  zh: string;
  en: string;
}
export type LabelLang = keyof Label;
export type LabelTable<K extends string> = Readonly<Record<K, Label>>;

/** A value's label in one language; a value the table lacks (an old client, a newer server) shows its code. */
export function labelOf<K extends string>(table: LabelTable<K>, value: K, lang: LabelLang): string {
  return (Object.hasOwn(table, value) ? table[value][lang] : undefined) ?? value;
}

/** The Chinese column of a table, for the server's documents and the import's choice lists. */
export function zhLabels<K extends string>(table: LabelTable<K>): Record<K, string> {
  return Object.fromEntries(Object.entries<Label>(table).map(([k, l]) => [k, l.zh])) as Record<K, string>;
}

export const ACTIVITY_CATEGORY_LABELS: LabelTable<ActivityCategory> = {
  THEME_PARTY_DAY: { zh: '主题党日', en: 'Themed Party day' },
  RED_SONGS: { zh: '红色歌曲大家唱', en: 'Red song singing' },
  OATH_REVIEW: { zh: '重温入党誓词', en: 'Party oath review' },
  PARTY_LECTURE: { zh: '讲党课', en: 'Party lecture' },
  PREACHING: { zh: '宣讲', en: 'Outreach talk' },
  VOLUNTEER: { zh: '志愿服务', en: 'Volunteer service' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const STUDY_KIND_LABELS: LabelTable<StudyKind> = {
  CENTRAL_GROUP: { zh: '中心组理论学习', en: 'Central group study' },
  SEMINAR: { zh: '专题研讨', en: 'Seminar' },
  BRANCH_STUDY: { zh: '支部学习', en: 'Branch study' },
  CADRE_TRAINING: { zh: '干部培训', en: 'Cadre training' },
};

export const STUDY_TOPIC_LABELS: LabelTable<StudyTopic> = {
  IDEOLOGY_WORK: { zh: '意识形态工作', en: 'Ideological work' },
  ONLINE_IDEOLOGY: { zh: '网络意识形态', en: 'Online ideology' },
  THEORY: { zh: '理论学习', en: 'Theory' },
  PARTY_HISTORY: { zh: '党史学习', en: 'Party history' },
  POLICY: { zh: '政策法规', en: 'Policy and law' },
  OTHER: { zh: '其他', en: 'Other' },
};

/** The two groups of 专题研讨 (study-topics.ts), as the seminar figure's parts. */
export const STUDY_TOPIC_GROUP_LABELS: LabelTable<StudyTopicGroup> = {
  IDEOLOGY: { zh: '意识形态工作专题研讨会', en: 'Ideological-work seminars' },
  STUDY: { zh: '中心组专题学习研讨', en: 'Central group study seminars' },
};

export const PUBLICITY_LEVEL_LABELS: LabelTable<PublicityLevel> = {
  CENTRAL: { zh: '中央媒体', en: 'National media' },
  PROVINCE: { zh: '省级媒体', en: 'Provincial media' },
  CITY: { zh: '市级媒体', en: 'City media' },
  DISTRICT: { zh: '区级媒体', en: 'District media' },
  STREET_MEDIA: { zh: '街道自媒体', en: 'Street own media' },
};

export const RISK_POINT_TYPE_LABELS: LabelTable<RiskPointType> = {
  WEBSITE: { zh: '网站', en: 'Website' },
  WECHAT_ACCOUNT: { zh: '微信公众号', en: 'WeChat official account' },
  WECHAT_GROUP: { zh: '微信群', en: 'WeChat group' },
  BULLETIN_BOARD: { zh: '宣传栏/公告栏', en: 'Bulletin board' },
  VENUE: { zh: '活动场所', en: 'Venue' },
  OTHER: { zh: '其他', en: 'Other' },
  VIDEO_ACCOUNT: { zh: '视频号/抖音', en: 'Video account' },
  PRACTICE_STATION: { zh: '新时代文明实践站', en: 'Civilisation practice station' },
  LECTURE_HALL: { zh: '讲堂', en: 'Lecture hall' },
};

/** Why a 阵地 is red (ADR 049); the web adds the days to STALE ("15 天未更新"). */
export const POSITION_RED_REASON_LABELS: LabelTable<PositionRedReason> = {
  STALE: { zh: '未按时更新', en: 'Not updated' },
  UNCHECKED_THIS_QUARTER: { zh: '本季度未检查', en: 'Not inspected this quarter' },
};

export const ACCOUNTABILITY_TYPE_LABELS: LabelTable<AccountabilityType> = {
  INSPECTION: { zh: '督查', en: 'Inspection' },
  NOTICE: { zh: '通报', en: 'Notice' },
  TALK: { zh: '提醒谈话', en: 'Reminder talk' },
  ACCOUNTABILITY: { zh: '问责', en: 'Accountability' },
};

export const NOTICE_COLOUR_LABELS: LabelTable<NoticeColour> = {
  RED: { zh: '红色通报', en: 'Red notice' },
  YELLOW: { zh: '黄色通报', en: 'Yellow notice' },
  GREEN: { zh: '绿色通报', en: 'Green notice' },
};

export const ACCOUNTABILITY_MEASURE_LABELS: LabelTable<AccountabilityMeasure> = {
  CRITICISM: { zh: '批评教育', en: 'Criticism and education' },
  ADMONITION: { zh: '诫勉', en: 'Admonition' },
  ORG_HANDLING: { zh: '组织处理', en: 'Organisational handling' },
  DISCIPLINE: { zh: '纪律处分', en: 'Disciplinary sanction' },
};

export const RISK_LEVEL_LABELS: LabelTable<RiskLevel> = {
  HIGH: { zh: '高风险', en: 'High risk' },
  MEDIUM: { zh: '中风险', en: 'Medium risk' },
  LOW: { zh: '低风险', en: 'Low risk' },
};

export const RISK_CHECK_STATUS_LABELS: LabelTable<RiskCheckStatus> = {
  OK: { zh: '按期', en: 'On schedule' },
  DUE_SOON: { zh: '即将到期', en: 'Due soon' },
  OVERDUE: { zh: '已逾期', en: 'Overdue' },
};

export const RISK_CHECK_RESULT_LABELS: LabelTable<RiskCheckResult> = {
  NORMAL: { zh: '正常', en: 'Normal' },
  ISSUE_FOUND: { zh: '发现问题', en: 'Issue found' },
};

export const ALERT_LEVEL_LABELS: LabelTable<AlertLevel> = {
  LEVEL_1: { zh: '一级', en: 'Level 1' },
  LEVEL_2: { zh: '二级', en: 'Level 2' },
  LEVEL_3: { zh: '三级', en: 'Level 3' },
  LEVEL_4: { zh: '四级', en: 'Level 4' },
};

export const ALERT_STATE_LABELS: LabelTable<AlertState> = {
  REGISTERED: { zh: '已登记', en: 'Registered' },
  ASSESSED: { zh: '已研判', en: 'Assessed' },
  REPORTED: { zh: '已报送', en: 'Reported' },
  ACCEPTED: { zh: '已采纳', en: 'Accepted' },
  RETURNED: { zh: '已退回', en: 'Returned' },
  HANDLING: { zh: '处置中', en: 'Being handled' },
  CLOSED: { zh: '已办结', en: 'Closed' },
};

/** The alert list's reminder filter (risk-alerts.ts RISK_ALERT_FLAGS): the page's filter and the export's title read it. */
export const ALERT_FLAG_LABELS: LabelTable<RiskAlertFlag> = {
  OVERDUE: { zh: '报送超时', en: 'Report overdue' },
  URGE: { zh: '待催办', en: 'To chase up' },
  OPEN: { zh: '未办结', en: 'Not closed' },
  REPORTED_ON_TIME: { zh: '按时报送', en: 'Reported on time' },
  REPORTED_LATE: { zh: '超时报送', en: 'Reported late' },
};

/**
 * How an alert's reporting clock reads (alert-clock.tsx on the pages, 报送情况 in the export). The
 * page shows the time left while the clock runs; the export, judged at one moment, says 未报送.
 */
export const ALERT_CLOCK_LABELS = {
  onTime: { zh: '按时报送', en: 'Reported on time' },
  late: { zh: '超时报送', en: 'Reported late' },
  overdue: { zh: '已超时', en: 'Overdue' },
  pending: { zh: '未报送', en: 'Not reported' },
} as const satisfies Record<string, Label>;

/** Which date the alert list's day range applies to. */
export const ALERT_DATE_FIELD_LABELS: LabelTable<(typeof RISK_ALERT_DATE_FIELDS)[number]> = {
  registeredAt: { zh: '按登记日期', en: 'By registration date' },
  reportedAt: { zh: '按报送日期', en: 'By report date' },
  closedAt: { zh: '按办结日期', en: 'By closing date' },
};

/** Which date the rectification list's day range applies to. */
export const RECTIFICATION_DATE_FIELD_LABELS: LabelTable<(typeof RECTIFICATION_DATE_FIELDS)[number]> = {
  createdAt: { zh: '按登记日期', en: 'By date recorded' },
  closedAt: { zh: '按完成日期', en: 'By date completed' },
};

export const RECTIFICATION_SOURCE_LABELS: LabelTable<RectificationSource> = {
  SELF_CHECK: { zh: '自查发现', en: 'Self-check' },
  AUDIT: { zh: '督查发现', en: 'Audit finding' },
  ALERT: { zh: '舆情引发', en: 'From an alert' },
  SUMMARY: { zh: '上期总结', en: 'Last summary' },
  POSITION_CHECK: { zh: '阵地检查发现', en: 'Position check finding' },
  INSPECTION: { zh: '督查发现问题', en: 'Inspection finding' },
};

export const RECTIFICATION_STATUS_LABELS: LabelTable<RectificationStatus> = {
  OPEN: { zh: '未开始', en: 'Not started' },
  IN_PROGRESS: { zh: '整改中', en: 'In progress' },
  DONE: { zh: '已完成', en: 'Done' },
};

export const ASSIGNMENT_KIND_LABELS: LabelTable<AssignmentKind> = {
  FIRST_RESPONSIBLE: { zh: '第一责任人', en: 'First responsible person' },
  AREA: { zh: '分管领域（一岗双责）', en: 'Areas (dual duty)' },
  TASK: { zh: '工作任务', en: 'Tasks' },
};

export const ASSIGNMENT_STATUS_LABELS: LabelTable<AssignmentStatus> = {
  OPEN: { zh: '进行中', en: 'In progress' },
  DONE: { zh: '已完成', en: 'Done' },
  CANCELLED: { zh: '已取消', en: 'Cancelled' },
};

/** How often a task's rule counts (完成规则). */
export const RULE_PER_LABELS: LabelTable<RulePer> = {
  PERIOD: { zh: '整个周期', en: 'Whole period' },
  QUARTER: { zh: '每季度', en: 'Per quarter' },
  MONTH: { zh: '每月', en: 'Per month' },
};

/** A figure against the plan's pace (periods.ts paceOf). */
export const PACE_STATUS_LABELS: LabelTable<PaceStatus> = {
  GREEN: { zh: '进度正常', en: 'On track' },
  AMBER: { zh: '略有滞后', en: 'Slightly behind' },
  RED: { zh: '明显滞后', en: 'Well behind' },
};

/** A figure of a period that has ended: its target met or not (the tag past periods show, not pace). */
export const PERIOD_RESULT_LABELS: LabelTable<'MET' | 'MISSED'> = {
  MET: { zh: '已完成', en: 'Met' },
  MISSED: { zh: '未完成', en: 'Not met' },
};

export const ROLE_LABELS: LabelTable<Role> = {
  LEADER: { zh: '领导班子', en: 'Leadership' },
  SECRETARY: { zh: '支部书记', en: 'Branch secretary' },
  AUDITOR: { zh: '审计督查', en: 'Auditor' },
  ADMIN: { zh: '系统管理员', en: 'Administrator' },
  REVIEWER: { zh: '督查考核', en: 'Reviewer' },
};

export const ORG_KIND_LABELS: LabelTable<OrgKind> = {
  CITY_COMMITTEE: { zh: '市委', en: 'City Party committee' },
  DISTRICT_COMMITTEE: { zh: '区委/县委', en: 'District or county Party committee' },
  STREET_COMMITTEE: { zh: '街道工委', en: 'Street working committee' },
  TOWNSHIP_COMMITTEE: { zh: '乡镇党委', en: 'Township Party committee' },
  GENERAL_BRANCH: { zh: '党总支', en: 'General Party branch' },
  VILLAGE_BRANCH: { zh: '村党支部', en: 'Village Party branch' },
  COMMUNITY_BRANCH: { zh: '社区党支部', en: 'Community Party branch' },
  AGENCY_BRANCH: { zh: '机关党支部', en: 'Agency Party branch' },
};

/** The levels of the org tree (ORG_KIND_RULES). */
export const ORG_LEVEL_LABELS: LabelTable<OrgLevel> = {
  CITY: { zh: '市级', en: 'City' },
  DISTRICT: { zh: '区县级', en: 'District' },
  STREET: { zh: '街道乡镇级', en: 'Street or township' },
  BRANCH_GROUP: { zh: '党总支级', en: 'General branch' },
  BRANCH: { zh: '支部级', en: 'Branch' },
};

/** One org of a level, as a table's column names it (the dashboard's children, ADR 039). */
export const ORG_LEVEL_UNIT_LABELS: LabelTable<OrgLevel> = {
  CITY: { zh: '市', en: 'City' },
  DISTRICT: { zh: '区（县）', en: 'District or county' },
  STREET: { zh: '街道（乡镇）', en: 'Street or township' },
  BRANCH_GROUP: { zh: '党总支', en: 'General branch' },
  BRANCH: { zh: '支部', en: 'Branch' },
};

/** The orgs of a level side by side, as a heading names them ("各街道（乡镇）", ADR 039). */
export const ORG_LEVEL_GROUP_LABELS: LabelTable<OrgLevel> = {
  CITY: { zh: '各市', en: 'Cities' },
  DISTRICT: { zh: '各区（县）', en: 'Districts and counties' },
  STREET: { zh: '各街道（乡镇）', en: 'Streets and townships' },
  BRANCH_GROUP: { zh: '各党总支', en: 'General branches' },
  BRANCH: { zh: '各支部', en: 'Branches' },
};

export const IMPORT_KIND_LABELS: LabelTable<ImportKind> = {
  orgs: { zh: '组织架构', en: 'Organisations' },
  users: { zh: '用户账号', en: 'User accounts' },
  activities: { zh: '主题活动', en: 'Activities' },
  'study-sessions': { zh: '学习研讨', en: 'Study sessions' },
};

export const IMPORT_STATE_LABELS: LabelTable<ImportState> = {
  VALIDATING: { zh: '校验中', en: 'Checking' },
  VALID: { zh: '校验通过', en: 'Ready to import' },
  INVALID: { zh: '有问题', en: 'Has problems' },
  COMMITTING: { zh: '导入中', en: 'Importing' },
  COMMITTED: { zh: '已导入', en: 'Imported' },
  FAILED: { zh: '失败', en: 'Failed' },
};

/** A saved 工作总结 version: a draft, or 定稿 (locked). */
export const SUMMARY_STATE_LABELS: LabelTable<SummaryState> = {
  DRAFT: { zh: '草稿', en: 'Draft' },
  FINAL: { zh: '定稿', en: 'Final' },
};

export const EVIDENCE_PACK_STATE_LABELS: LabelTable<EvidencePackState> = {
  QUEUED: { zh: '排队中', en: 'Queued' },
  RUNNING: { zh: '生成中', en: 'In progress' },
  DONE: { zh: '已完成', en: 'Done' },
  FAILED: { zh: '生成失败', en: 'Failed' },
};

/** 考核细则 (ADR 040): a scheme's state, what it scores, its rule types, methods and scorers. */
export const SCHEME_STATE_LABELS: LabelTable<SchemeState> = {
  DRAFT: { zh: '草稿', en: 'Draft' },
  IN_USE: { zh: '已启用', en: 'In use' },
};

export const SCHEME_LEVEL_LABELS: LabelTable<SchemeLevel> = {
  STREET: { zh: '街道（乡镇）', en: 'Sub-districts (townships)' },
  BRANCH: { zh: '支部', en: 'Branches' },
};

export const SCHEME_RULE_TYPE_LABELS: LabelTable<SchemeRuleType> = {
  COUNT: { zh: '按次数计分', en: 'Count against a required number' },
  DEADLINE: { zh: '按期完成', en: 'Done by a date' },
  PER_INCIDENT: { zh: '按次扣分', en: 'Deduction per incident' },
  VETO: { zh: '一票否决', en: 'One-vote veto' },
  MANUAL: { zh: '人工评分', en: 'Scored by the reviewer' },
};

export const COUNT_METHOD_LABELS: LabelTable<CountMethod> = {
  FULL_OR_NOTHING: { zh: '达到得满分，否则不得分', en: 'Full points or none' },
  PROPORTIONAL: { zh: '按完成比例得分', en: 'In proportion to what was done' },
  PER_MISSING: { zh: '少一次扣分', en: 'Deduction per missing record' },
};

export const SCORER_LABELS: LabelTable<Scorer> = {
  COMPUTED: { zh: '系统按记录计算', en: 'Computed from the records' },
  REVIEWER: { zh: '复核人评分', en: 'Scored by the reviewer' },
};

/** 考核任务 (ADR 041): a campaign's state, a unit's return's state, a 复核 decision per item. */
export const CAMPAIGN_STATE_LABELS: LabelTable<CampaignState> = {
  OPEN: { zh: '进行中', en: 'Open' },
  CLOSED: { zh: '已结束', en: 'Closed' },
};

export const RETURN_STATE_LABELS: LabelTable<ReturnState> = {
  NOT_STARTED: { zh: '未开始自评', en: 'Not started' },
  SELF_DRAFT: { zh: '自评中', en: 'Self-assessment in progress' },
  SUBMITTED: { zh: '自评已提交', en: 'Self-assessment submitted' },
  IN_REVIEW: { zh: '复核中', en: 'Under review' },
  RETURNED: { zh: '已退回补充', en: 'Returned for more' },
  REVIEWED: { zh: '复核完成', en: 'Reviewed' },
  CONFIRMED: { zh: '已确认', en: 'Confirmed' },
};

export const REVIEW_DECISION_LABELS: LabelTable<ReviewDecision> = {
  AGREE: { zh: '同意自评分', en: 'Agree with the self-assessed score' },
  CHANGE: { zh: '调整得分', en: 'Change the score' },
};

/** What the bell calls each kind of item needing attention. */
export const NOTIFICATION_KIND_LABELS: LabelTable<NotificationKind> = {
  TASK_OVERDUE: { zh: '任务已超期', en: 'Task overdue' },
  TASK_DUE_SOON: { zh: '任务即将到期', en: 'Task due soon' },
  ALERT_TO_REPORT: { zh: '舆情待报送', en: 'Alert to report' },
  ALERT_OVERDUE: { zh: '预警报送超时', en: 'Alert report overdue' },
  ALERT_URGE: { zh: '预警待催办', en: 'Alert needs chasing' },
  RISK_CHECK_DUE: { zh: '风险点待排查', en: 'Risk point check due' },
  RECTIFICATION_OVERDUE: { zh: '整改已超期', en: 'Rectification overdue' },
  ASSESSMENT_SELF_DUE: { zh: '考核自评即将截止', en: 'Self-assessment due soon' },
  ASSESSMENT_SELF_OVERDUE: { zh: '考核自评已超期', en: 'Self-assessment overdue' },
  ASSESSMENT_REVIEW_DUE: { zh: '考核复核即将截止', en: 'Assessment review due soon' },
  ASSESSMENT_REVIEW_OVERDUE: { zh: '考核复核已超期', en: 'Assessment review overdue' },
  ASSESSMENT_TO_CONFIRM: { zh: '考核待确认', en: 'Assessment to confirm' },
  REPORT_RECEIVED: { zh: '收到报送的报告', en: 'Report received' },
  DUTY_DUE: { zh: '规定动作即将到期', en: 'Duty due soon' },
  DUTY_OVERDUE: { zh: '规定动作已逾期', en: 'Duty overdue' },
  EVENT_TO_APPROVE: { zh: '一会一报待审批', en: 'Event to approve' },
  POSITION_STALE: { zh: '阵地未按时更新，待检查', en: 'Position not updated: check due' },
};

/** 一会一报 (ADR 048): the kinds of event that need approval ahead. */
export const EVENT_KIND_LABELS: LabelTable<EventKind> = {
  REPORT_MEETING: { zh: '报告会', en: 'Report meeting' },
  SEMINAR: { zh: '研讨会', en: 'Seminar' },
  LECTURE: { zh: '讲座', en: 'Lecture' },
  FORUM: { zh: '论坛', en: 'Forum' },
};

export const EVENT_STATE_LABELS: LabelTable<EventState> = {
  DRAFT: { zh: '草稿', en: 'Draft' },
  SUBMITTED: { zh: '已报送', en: 'Submitted' },
  IN_REVIEW: { zh: '审批中', en: 'In review' },
  APPROVED: { zh: '已批准', en: 'Approved' },
  REJECTED: { zh: '已退回', en: 'Sent back' },
  HELD: { zh: '已举办', en: 'Held' },
};

/**
 * What names the parts a figure is broken down by (FIGURES[x].breakdown.keys): mostly the enum
 * the figure is split by. The dashboard page and its xlsx both read this. A late check is shown
 * beside 阵地按时排查 but not counted in it, which its label says.
 */
export const FIGURE_PART_LABELS: Partial<Record<Figure, LabelTable<string>>> = {
  SEMINAR: STUDY_TOPIC_GROUP_LABELS,
  ACTIVITY: ACTIVITY_CATEGORY_LABELS,
  PUBLICITY: PUBLICITY_LEVEL_LABELS,
  RISK_POINT_CHECK: { LATE: { zh: '逾期排查（不计入）', en: 'Checked late (not counted)' } },
  ALERT_REGISTERED: ALERT_LEVEL_LABELS,
  RECTIFICATION_OPEN: RECTIFICATION_STATUS_LABELS,
};

/** A part's label in one language; a part without one shows its key. */
export function figurePartLabel(figure: string, key: string, lang: LabelLang): string {
  const table = Object.hasOwn(FIGURE_PART_LABELS, figure) ? FIGURE_PART_LABELS[figure as Figure] : undefined;
  return table && Object.hasOwn(table, key) ? (table[key] as Label)[lang] : key;
}

/**
 * An alert's fields as its form, detail page and export name them (the export's column headers
 * read these; the page reads them through the web's helper).
 */
export const ALERT_FIELD_LABELS = {
  orgId: { zh: '组织/支部', en: 'Org / branch' },
  level: { zh: '舆情等级', en: 'Level' },
  state: { zh: '状态', en: 'State' },
  source: { zh: '来源', en: 'Source' },
  channel: { zh: '发布平台', en: 'Platform' },
  url: { zh: '网址', en: 'Web address' },
  summary: { zh: '舆情摘要', en: 'Summary' },
  reach: { zh: '传播量', en: 'Reach' },
  registeredAt: { zh: '登记时间', en: 'Registered' },
  reportDueAt: { zh: '报送时限', en: 'Report due' },
  reportedAt: { zh: '报送时间', en: 'Reported' },
  receiptNumber: { zh: '回执编号', en: 'Receipt number' },
  closedAt: { zh: '办结时间', en: 'Closed' },
} as const satisfies Record<string, Label>;

// Words the error messages (error-messages.ts) put into their sentences.

/** An alert's workflow steps as a refusal names them ("已进入“研判”环节"): the step, not the state. */
export const ALERT_STEP_NAME_LABELS: LabelTable<AlertState> = {
  REGISTERED: { zh: '登记', en: 'Register' },
  ASSESSED: { zh: '研判', en: 'Assess' },
  REPORTED: { zh: '报送', en: 'Report' },
  ACCEPTED: { zh: '采纳', en: 'Accept' },
  RETURNED: { zh: '退回', en: 'Return' },
  HANDLING: { zh: '处置', en: 'Handle' },
  CLOSED: { zh: '办结', en: 'Close' },
};

/** The facts of an alert that only a correction may change once it is past 登记. */
export const ALERT_FROZEN_FIELD_LABELS: LabelTable<AlertFrozenField> = {
  orgId: { zh: '所属组织', en: 'organisation' },
  level: { zh: '等级', en: 'level' },
  registeredAt: { zh: '登记时间', en: 'registration time' },
};

/** The times of an alert's steps that may not lie in the future. */
export const ALERT_TIME_FIELD_LABELS: LabelTable<'registeredAt' | 'at'> = {
  registeredAt: { zh: '登记时间', en: 'Registration time' },
  at: { zh: '办理时间', en: 'Step time' },
};

/** The facts of a task that are counted once it is closed, so may no longer change. */
export const ASSIGNMENT_FROZEN_FIELD_LABELS = {
  period: { zh: '所属周期', en: 'period' },
  orgId: { zh: '责任组织', en: 'responsible organisation' },
  ownerId: { zh: '负责人', en: 'owner' },
  kind: { zh: '类型', en: 'type' },
  dueDate: { zh: '完成期限', en: 'due date' },
  rule: { zh: '完成规则', en: 'completion rule' },
} as const satisfies Record<string, Label>;
export type AssignmentFrozenField = keyof typeof ASSIGNMENT_FROZEN_FIELD_LABELS;

/** What a 404 says is missing: the record kinds by their entity type, and the other things one can ask for. */
export const THING_LABELS = {
  Record: { zh: '记录', en: 'Record' },
  Activity: { zh: '活动', en: 'Activity' },
  StudySession: { zh: '学习研讨记录', en: 'Study session' },
  PublicityItem: { zh: '宣传报道', en: 'Publicity item' },
  RiskPoint: { zh: '阵地/风险点', en: 'Risk point' },
  RiskAlert: { zh: '舆情', en: 'Alert' },
  Rectification: { zh: '整改记录', en: 'Rectification' },
  Accountability: { zh: '督查问责记录', en: 'Oversight record' },
  EventApproval: { zh: '一会一报', en: 'Event approval' },
  EventApprovalRule: { zh: '一会一报审批规则', en: 'Event approval rule' },
  Assignment: { zh: '责任事项', en: 'Assignment' },
  User: { zh: '用户', en: 'User' },
  Session: { zh: '会话', en: 'Session' },
  Target: { zh: '目标', en: 'Target' },
  FrequencyRule: { zh: '频次规则', en: 'Frequency rule' },
  DutyRule: { zh: '规定动作规则', en: 'Duty rule' },
  OrgUnit: { zh: '组织', en: 'Organisation' },
  ImportJob: { zh: '导入记录', en: 'Import' },
  EvidencePack: { zh: '证据包', en: 'Evidence pack' },
  Attachment: { zh: '附件', en: 'Attachment' },
  ReportDraft: { zh: '总结草稿', en: 'Summary draft' },
  AssessmentScheme: { zh: '考核细则', en: 'Assessment scheme' },
  AssessmentCampaign: { zh: '考核任务', en: 'Assessment campaign' },
  AssessmentReturn: { zh: '考核自评', en: 'Assessment return' },
  CommitteeMeeting: { zh: '党工委会议', en: 'Committee meeting' },
  /** A request refused (ACCESS_DENIED events name the route). */
  Route: { zh: '访问请求', en: 'Request' },
  /** The 操作日志 itself: its exports are EXPORT events of it. */
  AuditLog: { zh: '操作日志', en: 'Operation log' },
} as const satisfies Record<string, Label>;
export type Thing = keyof typeof THING_LABELS;

/** What an audit event records, as the 操作日志 says it. */
export const AUDIT_ACTION_LABELS = {
  CREATE: { zh: '新建', en: 'Created' },
  UPDATE: { zh: '修改', en: 'Changed' },
  DELETE: { zh: '删除', en: 'Deleted' },
  TRANSITION: { zh: '状态变更', en: 'Status changed' },
  CLOSE: { zh: '办结', en: 'Closed' },
  CHECK: { zh: '排查', en: 'Checked' },
  CORRECT: { zh: '更正', en: 'Corrected' },
  ATTACH: { zh: '上传附件', en: 'File added' },
  DETACH: { zh: '删除附件', en: 'File removed' },
  LOGIN: { zh: '登录', en: 'Signed in' },
  LOGIN_FAILED: { zh: '登录失败', en: 'Sign-in failed' },
  LOGIN_THROTTLED: { zh: '登录受限', en: 'Sign-in held back' },
  ACCESS_DENIED: { zh: '拒绝访问', en: 'Access denied' },
  LOGOUT: { zh: '退出登录', en: 'Signed out' },
  EXPORT: { zh: '导出', en: 'Exported' },
} as const satisfies LabelTable<AuditAction>;

/** The 操作日志's columns and filters, as its page and its export name them. */
export const OPLOG_FIELD_LABELS = {
  at: { zh: '时间', en: 'Time' },
  actor: { zh: '操作人', en: 'User' },
  action: { zh: '操作', en: 'Action' },
  kind: { zh: '对象类别', en: 'Kind' },
  subject: { zh: '对象', en: 'Subject' },
  subjectId: { zh: '对象编号', en: 'Subject no.' },
  org: { zh: '组织/支部', en: 'Organisation' },
  fields: { zh: '改动', en: 'Changes' },
  id: { zh: '记录编号', en: 'Record no.' },
  /** The actor of an event nobody signed in did (a failed sign-in). */
  noActor: { zh: '（未登录）', en: '(not signed in)' },
} as const satisfies Record<string, Label>;

/** The background jobs a user may run a few of at once (the per-user limit names them). */
export const JOB_KIND_LABELS = {
  'evidence-pack': { zh: '证据包', en: 'evidence packs' },
  import: { zh: '导入', en: 'imports' },
} as const satisfies Record<string, Label>;
export type JobKindName = keyof typeof JOB_KIND_LABELS;

/** Who a sign-in throttle holds back. */
export const THROTTLE_SCOPE_LABELS = {
  account: { zh: '该账号', en: 'This account' },
  ip: { zh: '本机所在网络', en: 'Your network' },
} as const satisfies Record<string, Label>;

/** A duty's state in the calendar (ADR 045). */
export const DUTY_STATE_LABELS: LabelTable<DutyState> = {
  NOT_STARTED: { zh: '未开始', en: 'Not started' },
  DRAFT: { zh: '起草中', en: 'Drafting' },
  DONE: { zh: '已完成', en: 'Done' },
  LATE: { zh: '逾期', en: 'Late' },
};

/** The duties' names: DUTIES[x].label (duties.ts), as a table for the label check. */
export const DUTY_KIND_LABELS: LabelTable<DutyKind> = Object.fromEntries(
  DUTY_KINDS.map((k) => [k, DUTIES[k].label]),
) as LabelTable<DutyKind>;

/** 中心组 roster (ADR 051): a member's role, attendance and way of 补学. */
export const ROSTER_ROLE_LABELS: LabelTable<RosterRole> = {
  MEMBER: { zh: '成员', en: 'Member' },
  OBSERVER: { zh: '列席旁听', en: 'Observer' },
};
export const ROSTER_STATUS_LABELS: LabelTable<RosterStatus> = {
  PRESENT: { zh: '出席', en: 'Present' },
  LEAVE: { zh: '请假', en: 'On leave' },
  ABSENT: { zh: '缺席', en: 'Absent' },
};
export const MAKE_UP_WAY_LABELS: LabelTable<MakeUpWay> = {
  SELF: { zh: '自学', en: 'Self-study' },
  GROUP: { zh: '集中补学', en: 'Group make-up' },
};

/** A duty's rhythm. */
export const DUTY_RHYTHM_LABELS: LabelTable<DutyRhythm> = {
  HALF: { zh: '每半年', en: 'Each half year' },
  QUARTER: { zh: '每季度', en: 'Each quarter' },
  YEAR: { zh: '每年', en: 'Each year' },
};

/**
 * Every enum table with the value list it must cover, for the test that none lacks a label
 * (labels.test.ts) — a value added to a contract without its words fails there, not on a page.
 */
export const ENUM_LABEL_TABLES: readonly { name: string; values: readonly string[]; table: LabelTable<string> }[] = [
  { name: 'ACTIVITY_CATEGORY', values: ACTIVITY_CATEGORIES, table: ACTIVITY_CATEGORY_LABELS },
  { name: 'STUDY_KIND', values: STUDY_KINDS, table: STUDY_KIND_LABELS },
  { name: 'STUDY_TOPIC', values: STUDY_TOPICS, table: STUDY_TOPIC_LABELS },
  { name: 'STUDY_TOPIC_GROUP', values: Object.keys(STUDY_TOPIC_GROUPS), table: STUDY_TOPIC_GROUP_LABELS },
  { name: 'ROSTER_ROLE', values: ROSTER_ROLES, table: ROSTER_ROLE_LABELS },
  { name: 'ROSTER_STATUS', values: ROSTER_STATUSES, table: ROSTER_STATUS_LABELS },
  { name: 'MAKE_UP_WAY', values: MAKE_UP_WAYS, table: MAKE_UP_WAY_LABELS },
  { name: 'PUBLICITY_LEVEL', values: PUBLICITY_LEVELS, table: PUBLICITY_LEVEL_LABELS },
  { name: 'RISK_POINT_TYPE', values: RISK_POINT_TYPES, table: RISK_POINT_TYPE_LABELS },
  { name: 'RISK_LEVEL', values: RISK_LEVELS, table: RISK_LEVEL_LABELS },
  { name: 'POSITION_RED_REASON', values: POSITION_RED_REASONS, table: POSITION_RED_REASON_LABELS },
  { name: 'ACCOUNTABILITY_TYPE', values: ACCOUNTABILITY_TYPES, table: ACCOUNTABILITY_TYPE_LABELS },
  { name: 'NOTICE_COLOUR', values: NOTICE_COLOURS, table: NOTICE_COLOUR_LABELS },
  { name: 'ACCOUNTABILITY_MEASURE', values: ACCOUNTABILITY_MEASURES, table: ACCOUNTABILITY_MEASURE_LABELS },
  { name: 'RISK_CHECK_STATUS', values: RISK_CHECK_STATUSES, table: RISK_CHECK_STATUS_LABELS },
  { name: 'RISK_CHECK_RESULT', values: RISK_CHECK_RESULTS, table: RISK_CHECK_RESULT_LABELS },
  { name: 'ALERT_LEVEL', values: ALERT_LEVELS, table: ALERT_LEVEL_LABELS },
  { name: 'ALERT_STATE', values: ALERT_STATES, table: ALERT_STATE_LABELS },
  { name: 'ALERT_FLAG', values: RISK_ALERT_FLAGS, table: ALERT_FLAG_LABELS },
  { name: 'ALERT_DATE_FIELD', values: RISK_ALERT_DATE_FIELDS, table: ALERT_DATE_FIELD_LABELS },
  { name: 'RECTIFICATION_DATE_FIELD', values: RECTIFICATION_DATE_FIELDS, table: RECTIFICATION_DATE_FIELD_LABELS },
  { name: 'RECTIFICATION_SOURCE', values: RECTIFICATION_SOURCES, table: RECTIFICATION_SOURCE_LABELS },
  { name: 'RECTIFICATION_STATUS', values: RECTIFICATION_STATUSES, table: RECTIFICATION_STATUS_LABELS },
  { name: 'ASSIGNMENT_KIND', values: ASSIGNMENT_KINDS, table: ASSIGNMENT_KIND_LABELS },
  { name: 'ASSIGNMENT_STATUS', values: ASSIGNMENT_STATUSES, table: ASSIGNMENT_STATUS_LABELS },
  { name: 'RULE_PER', values: RULE_PERS, table: RULE_PER_LABELS },
  { name: 'PACE_STATUS', values: PaceStatusSchema.options, table: PACE_STATUS_LABELS },
  { name: 'ROLE', values: ROLES, table: ROLE_LABELS },
  { name: 'ORG_KIND', values: ORG_KINDS, table: ORG_KIND_LABELS },
  { name: 'ORG_LEVEL', values: ORG_LEVELS, table: ORG_LEVEL_LABELS },
  { name: 'ORG_LEVEL_UNIT', values: ORG_LEVELS, table: ORG_LEVEL_UNIT_LABELS },
  { name: 'ORG_LEVEL_GROUP', values: ORG_LEVELS, table: ORG_LEVEL_GROUP_LABELS },
  { name: 'IMPORT_KIND', values: IMPORT_KINDS, table: IMPORT_KIND_LABELS },
  { name: 'IMPORT_STATE', values: IMPORT_STATES, table: IMPORT_STATE_LABELS },
  { name: 'EVIDENCE_PACK_STATE', values: EVIDENCE_PACK_STATES, table: EVIDENCE_PACK_STATE_LABELS },
  { name: 'SUMMARY_STATE', values: SUMMARY_STATES, table: SUMMARY_STATE_LABELS },
  { name: 'NOTIFICATION_KIND', values: NOTIFICATION_KINDS, table: NOTIFICATION_KIND_LABELS },
  { name: 'ALERT_STEP_NAME', values: ALERT_STATES, table: ALERT_STEP_NAME_LABELS },
  { name: 'ALERT_FROZEN_FIELD', values: ALERT_FROZEN_FIELDS, table: ALERT_FROZEN_FIELD_LABELS },
  { name: 'AUDIT_ACTION', values: AUDIT_ACTIONS, table: AUDIT_ACTION_LABELS },
  { name: 'SCHEME_STATE', values: SCHEME_STATES, table: SCHEME_STATE_LABELS },
  { name: 'SCHEME_LEVEL', values: SCHEME_LEVELS, table: SCHEME_LEVEL_LABELS },
  { name: 'SCHEME_RULE_TYPE', values: SCHEME_RULE_TYPES, table: SCHEME_RULE_TYPE_LABELS },
  { name: 'COUNT_METHOD', values: COUNT_METHODS, table: COUNT_METHOD_LABELS },
  { name: 'SCORER', values: SCORERS, table: SCORER_LABELS },
  { name: 'CAMPAIGN_STATE', values: CAMPAIGN_STATES, table: CAMPAIGN_STATE_LABELS },
  { name: 'RETURN_STATE', values: RETURN_STATES, table: RETURN_STATE_LABELS },
  { name: 'REVIEW_DECISION', values: REVIEW_DECISIONS, table: REVIEW_DECISION_LABELS },
  { name: 'DUTY_STATE', values: DUTY_STATES, table: DUTY_STATE_LABELS },
  { name: 'DUTY_KIND', values: DUTY_KINDS, table: DUTY_KIND_LABELS },
  { name: 'DUTY_RHYTHM', values: DUTY_RHYTHMS, table: DUTY_RHYTHM_LABELS },
];

/** 党工委 meetings (ADR 046). */
export const MEETING_KIND_LABELS: LabelTable<MeetingKind> = {
  SPECIAL_STUDY: { zh: '党工委专题研究意识形态工作', en: 'Committee study of ideology work' },
  SITUATION_JUDGEMENT: { zh: '意识形态形势分析研判', en: 'Ideological situation analysis' },
};
