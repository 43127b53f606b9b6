// The UI dictionary: Simplified Chinese is the source of keys, English (i18n-en.ts, loaded on
// demand) must carry exactly the same keys (the type says so and i18n.test.ts checks it at run
// time). Pure data, no React, so the unit test runs in plain Node. `{name}` marks a value filled
// in by translate().
import { ERROR_MESSAGES } from '@dutyboard/contracts/error-messages';
import { accountabilityZh } from '../features/accountability/messages.ts';
import { assessmentsZh } from '../features/assessments/messages.ts';
import { assessmentResultsZh } from '../features/assessments/results-messages.ts';
import { schemesZh } from '../features/assessments/scheme-messages.ts';
import { assignmentsZh } from '../features/assignments/messages.ts';
import { auditZh } from '../features/audit/messages.ts';
import { authZh } from '../features/auth/messages.ts';
import { branchesZh } from '../features/branches/messages.ts';
import { meetingsZh } from '../features/committee-meetings/messages.ts';
import { recordsZh } from '../features/common-records/messages.ts';
import { dashboardZh } from '../features/dashboard/messages.ts';
import { dutiesZh } from '../features/duties/messages.ts';
import { eventApprovalsZh } from '../features/event-approvals/messages.ts';
import { evidencePacksZh } from '../features/evidence-packs/messages.ts';
import { homeZh } from '../features/home/messages.ts';
import { importsZh } from '../features/imports/messages.ts';
import { planZh } from '../features/plan/messages.ts';
import { publicityZh } from '../features/publicity/messages.ts';
import { rectificationsZh } from '../features/rectifications/messages.ts';
import { reportsZh } from '../features/reports/messages.ts';
import { riskAlertsZh } from '../features/risk-alerts/messages.ts';
import { riskPointsZh } from '../features/risk-points/messages.ts';
import { studySessionsZh } from '../features/study-sessions/messages.ts';
import { targetsZh } from '../features/targets/messages.ts';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export const zh = {
  'app.title': '意识形态工作责任制落实看板',
  'app.shortTitle': '责任制看板',
  'app.subtitle': '街道党工委意识形态工作责任制计划、记录与督查',

  'nav.dashboard': '看板',
  'nav.activities': '活动台账',
  'nav.branches': '{group}情况',
  'nav.newActivity': '新增活动',
  'nav.adminUsers': '用户管理',
  'nav.adminOrgs': '组织管理',
  'nav.menu': '菜单',
  'nav.group.records': '工作台账',
  'nav.group.risk': '风险防控',
  'nav.group.plan': '责任落实',
  'nav.group.admin': '系统管理',
  'nav.openMenu': '打开导航菜单',

  'header.signOut': '退出登录',
  'header.switchLanguage': 'Switch to English',
  'header.otherLanguage': 'EN',

  'error.VALIDATION_FAILED': '提交的内容有误，请按提示修改',
  'error.UNAUTHENTICATED': '请先登录',
  'error.INVALID_CREDENTIALS': '用户名或密码错误',
  'error.FORBIDDEN': '没有执行此操作的权限',
  'error.NOT_FOUND': '记录不存在或无权访问',
  'error.CONFLICT': '与现有数据冲突，请检查后重试',
  'error.PRECONDITION_FAILED': '这条记录已被他人修改，请刷新后查看最新内容再操作',
  'error.INVALID_TRANSITION': '当前状态下不能执行这一步',
  'error.IDEMPOTENCY_IN_PROGRESS': '同一请求正在处理中，请稍候',
  'error.IDEMPOTENCY_MISMATCH': '重复提交的内容与第一次不同，请刷新后重试',
  'error.PAYLOAD_TOO_LARGE': '提交的内容过大',
  'error.UNSUPPORTED_MEDIA_TYPE': '不支持的内容类型',
  'error.RATE_LIMITED': '请求过于频繁，请稍后再试',
  'error.INTERNAL': '服务器内部错误，请稍后再试',
  'error.SERVICE_UNAVAILABLE': '服务暂时不可用，请稍后再试',
  'error.NETWORK': '无法连接服务器，请检查网络后重试',
  'error.BAD_RESPONSE': '服务器返回了无法识别的内容，请稍后再试',

  'common.retry': '重试',
  'common.loading': '加载中…',
  'common.back': '返回',
  'common.cancel': '取消',
  'common.confirm': '确定',
  'common.all': '全部',
  'common.notFilled': '未填写',
  'common.loadFailed': '加载失败',
  'common.forbiddenTitle': '没有访问权限',
  'common.forbiddenText': '当前账号没有查看此页面的权限。',
  'common.backHome': '返回首页',
  'export.button': '导出',
  'export.hint': '按当前筛选条件导出全部记录',
  'export.xlsx': 'Excel 表格（.xlsx）',
  'export.csv': 'CSV 文件（.csv）',
  'export.failed': '导出失败',

  'list.total': '共 {count} 条',

  'notFound.title': '页面不存在',
  'notFound.text': '您访问的页面不存在，可能链接有误或已被移除。',

  'crash.title': '页面出错了',
  'crash.text': '页面遇到了意外问题。请刷新页面；如果问题持续，请联系系统管理员。',
  'crash.chunk': '页面资源加载失败，系统可能刚刚更新，请刷新页面。',
  'crash.reload': '刷新页面',

  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.failed': '登录失败',

  'period.label': '统计周期',
  'period.H1': '{year}年上半年',
  'period.H2': '{year}年下半年',
  'period.Q1': '{year}年第一季度',
  'period.Q2': '{year}年第二季度',
  'period.Q3': '{year}年第三季度',
  'period.Q4': '{year}年第四季度',
  'period.YEAR': '{year}年全年',
  'period.groupHalf': '半年',
  'period.groupQuarter': '季度',
  'period.groupYear': '全年',

  'org.label': '组织/支部',
  'org.placeholder': '选择组织或支部',
  'org.allInScope': '全部（我可查看的组织）',

  'activities.title': '活动台账',
  'activities.new': '新增活动',
  'activities.filterCategory': '活动类别',
  'activities.filterDates': '活动日期',
  'activities.filterSort': '排序',
  'activities.allCategories': '全部类别',
  'activities.startDate': '开始日期',
  'activities.endDate': '结束日期',
  'activities.clearFilters': '清除筛选',
  'activities.loadMore': '加载更多',
  'activities.shown': '已显示 {count} 条',
  'activities.allLoaded': '已全部显示，共 {count} 条',
  'activities.empty': '暂无活动记录',
  'activities.emptyFiltered': '可以调整或清除筛选条件后再看',
  'activities.colDate': '活动时间',
  'activities.colOrg': '支部',
  'activities.colCategory': '类别',
  'activities.colParticipants': '参加人数',

  'sort.-occurredAt': '活动时间（最近在前）',
  'sort.occurredAt': '活动时间（最早在前）',
  'sort.-createdAt': '录入时间（最近在前）',
  'sort.createdAt': '录入时间（最早在前）',
  'sort.-participants': '参加人数（多在前）',
  'sort.participants': '参加人数（少在前）',

  'activity.detailTitle': '活动详情',
  'activity.org': '组织/支部',
  'activity.category': '活动类别',
  'activity.title': '活动名称',
  'activity.occurredAt': '活动时间',
  'activity.participants': '参加人数',
  'activity.participantsValue': '{count} 人',
  'activity.location': '地点',
  'activity.description': '活动内容',
  'activity.createdAt': '录入时间',
  'activity.updatedAt': '最后修改',
  'activity.edit': '编辑',
  'activity.delete': '删除',
  'activity.deleteConfirm': '确定删除这条活动记录？',
  'activity.deleteOk': '删除',
  'activity.deleted': '已删除',
  'activity.notFoundTitle': '找不到这条活动记录',
  'activity.notFoundText': '记录不存在、已被删除，或不在您的查看范围内。',
  'activity.backToList': '返回活动台账',

  'form.newTitle': '新增活动',
  'form.editTitle': '编辑活动',
  'form.org': '组织/支部',
  'form.category': '活动类别',
  'form.date': '活动日期',
  'form.time': '时间',
  'form.participants': '参加人数',
  'form.location': '地点',
  'form.description': '活动内容',
  'form.titlePlaceholder': '如：11月主题党日——学习全会精神',
  'form.participantsPlaceholder': '人数',
  'form.locationPlaceholder': '如：村党群服务中心（选填）',
  'form.descriptionPlaceholder': '活动主要内容、效果（选填）',
  'form.save': '保存',
  'form.saved': '已保存',
  'form.noChanges': '没有修改',
  'form.failed': '保存失败',
  'form.noWritableOrg': '当前账号没有可以录入活动的组织。',
  'form.draftRestored': '已恢复上次未保存的内容，请核对后保存。',
  'form.discardDraft': '放弃这些内容',
  'leave.title': '离开这个页面？',
  'leave.content': '有尚未保存的修改。离开后修改不会保存，但会暂存在本浏览器标签页中，回到这里时可以恢复。',
  'leave.ok': '离开',
  'leave.stay': '留在此页',
  'leave.closeTitle': '放弃填写的内容？',
  'leave.closeContent': '对话框中填写的内容尚未保存，关闭后将丢失。',
  'leave.closeOk': '放弃并关闭',

  'users.title': '用户管理',
  'users.new': '新增用户',
  'users.search': '搜索用户名、姓名或组织',
  'users.count': '共 {count} 个用户',
  'users.empty': '暂无用户',
  'users.emptyFiltered': '没有符合条件的用户',
  'users.colUsername': '用户名',
  'users.colDisplayName': '姓名',
  'users.colRole': '角色',
  'users.colOrg': '所属组织',
  'users.colStatus': '状态',
  'users.colActions': '操作',
  'users.active': '启用',
  'users.inactive': '停用',
  'users.you': '当前账号',
  'users.edit': '编辑',
  'users.resetPassword': '重置密码',
  'users.deactivate': '停用',
  'users.activate': '启用',
  'users.deactivateConfirm': '停用后该用户将无法登录，并立即退出所有设备。确定停用？',
  'users.activateConfirm': '启用后该用户可以重新登录。确定启用？',
  'users.deactivated': '已停用 {name}',
  'users.activated': '已启用 {name}',
  'users.newTitle': '新增用户',
  'users.editTitle': '编辑用户：{name}',
  'users.passwordTitle': '重置密码：{name}',
  'users.create': '创建',
  'users.username': '用户名',
  'users.displayName': '姓名',
  'users.role': '角色',
  'users.org': '所属组织',
  'users.initialPassword': '初始密码',
  'users.newPassword': '新密码',
  'users.usernameHint': '{min}–{max} 位字母、数字、点、下划线或连字符，创建后不能修改',
  'users.usernameFormat': '用户名只能包含字母、数字、点（.）、下划线（_）和连字符（-）',
  'users.passwordHint': '至少 {min} 位，不能与用户名相同',
  'users.passwordSameAsUsername': '密码不能与用户名相同',
  'users.rolePlaceholder': '选择角色',
  'users.ownRoleLocked': '不能修改自己的角色，请由另一位管理员操作',
  'users.sessionsEnd': '修改角色或所属组织后，该用户需要重新登录。',
  'users.passwordSessionsEnd': '重置后该用户将退出所有设备，需用新密码重新登录。',
  'users.ownPassword': '这是您自己的账号：保存后您需要用新密码重新登录。',
  'users.created': '已创建用户 {name}',
  'users.passwordReset': '已重置 {name} 的密码',
  'users.usernameTaken': '用户名已存在，请换一个',
  'users.selfChange': '不能停用自己或修改自己的角色，请由另一位管理员操作',

  'orgs.title': '组织管理',
  'orgs.new': '新增组织',
  'orgs.count': '共 {count} 个组织',
  'orgs.empty': '暂无组织',
  'orgs.colName': '名称',
  'orgs.colCode': '代码',
  'orgs.colKind': '类型',
  'orgs.colSortOrder': '排序',
  'orgs.colActions': '操作',
  'orgs.edit': '编辑',
  'orgs.newTitle': '新增组织',
  'orgs.editTitle': '编辑组织：{name}',
  'orgs.create': '创建',
  'orgs.name': '名称',
  'orgs.code': '代码',
  'orgs.kind': '类型',
  'orgs.parent': '上级组织',
  'orgs.sortOrder': '排序',
  'orgs.codeHint': '字母、数字和连字符，如 CN-V09；不能与其他组织重复',
  'orgs.codeFormat': '代码只能包含字母、数字和连字符（-）',
  'orgs.sortOrderHint': '同一上级下数字小的排在前面，不填为 0',
  'orgs.kindPlaceholder': '选择类型',
  'orgs.parentPlaceholder': '选择上级组织',
  'orgs.kindFirstParent': '先选择上级组织，再选可设在其下的类型',
  'orgs.parentRule': '请选择上级组织：新组织须建在您管理的组织之下',
  'orgs.placement': '{kind}，上级组织：{parent}',
  'orgs.moveTo': '调整到（上级组织）',
  'orgs.moveHint': '只列出本类组织可以设在其下的组织；下级组织和全部记录随之调整',
  'orgs.moveConfirmTitle': '确认调整上级组织？',
  'orgs.moveConfirm': '“{name}”及其全部下级组织和记录将从“{from}”调整到“{to}”之下，看板和统计随之变化。',
  'orgs.moveOk': '确认调整',
  'orgs.placementRoot': '{kind}（最上级组织）',
  'orgs.created': '已创建组织 {name}',
  'orgs.codeTaken': '组织代码已存在，请换一个',

  'validation.required': ERROR_MESSAGES['field.required'].zh,
  'validation.select': ERROR_MESSAGES['field.choose'].zh,
  'validation.maxLength': ERROR_MESSAGES['field.tooLong'].zh,
  'validation.min': ERROR_MESSAGES['field.tooSmall'].zh,
  'validation.max': ERROR_MESSAGES['field.tooBig'].zh,
  'validation.integer': '{field}必须是整数',
  'validation.invalid': ERROR_MESSAGES['field.invalid'].zh,
  'validation.illegalCharacter': '{field}含有无法保存的控制字符，请删除后重新提交（从其他软件复制的文字有时会带上它）',
  'validation.minLength': ERROR_MESSAGES['field.tooShort'].zh,
  // Feature dictionaries: one spread per feature (features/<name>/messages.ts), keys prefixed by feature.
  ...planZh,
  ...targetsZh,
  ...dutiesZh,
  ...assignmentsZh,
  ...publicityZh,
  ...riskPointsZh,
  ...rectificationsZh,
  ...accountabilityZh,
  ...eventApprovalsZh,
  ...riskAlertsZh,
  ...studySessionsZh,
  ...recordsZh,
  ...auditZh,
  ...dashboardZh,
  ...branchesZh,
  ...evidencePacksZh,
  ...assessmentsZh,
  ...schemesZh,
  ...assessmentResultsZh,
  ...importsZh,
  ...reportsZh,
  ...authZh,
  ...homeZh,
  ...meetingsZh,
} satisfies Record<string, string>;

export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

/** The dictionaries in hand: Chinese always; English once `loadLang('en')` has fetched its chunk
 * (i18n-en.ts, a sixth of the entry's gzip that a Chinese first visit never needs). */
const messages: Partial<Record<Lang, Messages>> = { zh };

/** Fetches `lang`'s dictionary if it is not in hand yet; translate() answers in Chinese until then. */
export async function loadLang(lang: Lang): Promise<void> {
  if (messages[lang]) return;
  if (lang === 'en') messages.en = (await import('./i18n-en.ts')).en;
}

export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

/** The message for `key` in `lang` with `{name}` placeholders filled from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars?: TranslateVars): string {
  const template = messages[lang]?.[key] ?? zh[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The `{name}` placeholders a message uses, sorted. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
