// Every sentence an error says, declared once with its Chinese and English words and its typed
// parameters (docs/decisions/025). The API throws a key and parameters (`AppError`) and answers
// the Chinese sentence as `message` beside `key` and `params`; the web renders the same key in
// the user's language. A parameter that is an enum value (a kind, a step) travels as its code and
// is worded through its label table (labels.ts) in the language being rendered.
import {
  ALERT_FROZEN_FIELD_LABELS,
  ALERT_STEP_NAME_LABELS,
  ALERT_TIME_FIELD_LABELS,
  ASSIGNMENT_FROZEN_FIELD_LABELS,
  IMPORT_KIND_LABELS,
  JOB_KIND_LABELS,
  type Label,
  type LabelLang,
  labelOf,
  ORG_KIND_LABELS,
  ORG_LEVEL_LABELS,
  RETURN_STATE_LABELS,
  SCHEME_LEVEL_LABELS,
  THING_LABELS,
  THROTTLE_SCOPE_LABELS,
} from './labels.ts';

/** A parameter's type: free text (a name, a time already formatted), a number, or enum value(s) of a label table. */
export type ParamSpec =
  | 'text'
  | 'number'
  | { readonly one: Readonly<Record<string, Label>> }
  | { readonly list: Readonly<Record<string, Label>> };

const one = <T extends Readonly<Record<string, Label>>>(table: T) => ({ one: table }) as const;
const list = <T extends Readonly<Record<string, Label>>>(table: T) => ({ list: table }) as const;

export interface MessageSpec {
  readonly zh: string;
  readonly en: string;
  /** Every `{name}` in zh and en, and nothing else (error-messages.test.ts). */
  readonly params?: Readonly<Record<string, ParamSpec>>;
}

export const ERROR_MESSAGES = {
  // The request itself (plugins/errors.ts, security.ts, validation.ts)
  'request.invalidFields': {
    zh: '提交的内容有误，请按提示修改',
    en: 'Some fields are not valid; please correct them',
  },
  'request.malformed': { zh: '请求格式无效，请检查提交的内容', en: 'The request is malformed; check what was sent' },
  'request.badFormat': { zh: '请求格式无效', en: 'The request is malformed' },
  'request.uploadMalformed': {
    zh: '上传的内容格式无效，请重新选择文件上传',
    en: 'The upload is malformed; choose the file and upload it again',
  },
  'request.tooLarge': { zh: '提交的内容过大', en: 'What you sent is too large' },
  'request.jsonOnly': { zh: '不支持的内容类型，请以 JSON 提交', en: 'Unsupported content type; send JSON' },
  'request.multipartOnly': {
    zh: '请以 multipart/form-data 上传文件',
    en: 'Upload files as multipart/form-data',
  },
  'request.fileFieldName': { zh: '文件字段名须为 file', en: 'The file field must be named file' },
  'request.urlTooLong': { zh: '请求地址过长', en: 'The address is too long' },
  'request.urlBadEncoding': {
    zh: '请求地址无效，请检查其中的编码',
    en: 'The address is not valid; check its encoding',
  },
  'request.headersTooLarge': {
    zh: '请求头过大，请清除本站的浏览器缓存和 Cookie 后重试',
    en: "The request headers are too large; clear this site's cache and cookies in the browser and try again",
  },
  'request.timeout': { zh: '请求超时，请重试', en: 'The request timed out; please try again' },
  'request.noRoute': {
    zh: '没有这个地址：{method} {path}',
    en: 'No such address: {method} {path}',
    params: { method: 'text', path: 'text' },
  },
  'request.crossSite': { zh: '跨站请求已被拒绝', en: 'A request from another site was refused' },
  'request.rateLimited': { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please wait a moment' },
  'request.badIdempotencyKey': { zh: '请求头 Idempotency-Key 无效', en: 'The Idempotency-Key header is not valid' },
  'request.idempotencyKeyFormat': {
    zh: 'Idempotency-Key 须为 8–200 个可见 ASCII 字符',
    en: 'Idempotency-Key must be 8–200 visible ASCII characters',
  },
  'request.inProgress': {
    zh: '同一请求正在处理中，请稍候再查看结果',
    en: 'The same request is still being processed; check the result in a moment',
  },
  'request.idempotencyKeyReused': {
    zh: 'Idempotency-Key 已用于另一个不同的请求，请换一个新的键',
    en: 'This Idempotency-Key was used for a different request; use a new key',
  },
  'request.badCursor': {
    zh: '分页位置无效，请从第一页重新查询',
    en: 'The page position is not valid; start again from the first page',
  },
  'server.internal': { zh: '服务器内部错误，请稍后再试', en: 'Server error; please try again later' },
  'server.databaseDown': {
    zh: '数据库暂时不可用，请稍后再试',
    en: 'The database is temporarily unavailable; please try again later',
  },

  // Sign-in and permissions
  'auth.signInFirst': { zh: '请先登录', en: 'Please sign in' },
  'auth.sessionExpired': { zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  'auth.wrongCredentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.throttled': {
    zh: '{who}登录失败次数过多，已暂时限制登录，请在 {minutes} 分钟后（北京时间 {clock} 之后）重试',
    en: '{who} had too many failed sign-ins and is held back for now; try again in {minutes} minutes (after {clock} Beijing time)',
    params: { who: one(THROTTLE_SCOPE_LABELS), minutes: 'number', clock: 'text' },
  },
  'auth.wrongCurrentPassword': { zh: '当前密码不正确', en: 'The current password is not correct' },
  'auth.passwordIsUsername': { zh: '密码不能与用户名相同', en: 'The password may not be the username' },
  'auth.forbidden': { zh: '没有执行此操作的权限', en: 'You are not allowed to do this' },
  'auth.outOfReach': {
    zh: '只能为本支部（及下级组织）登记或修改记录',
    en: 'You may only add or change records of your own branch (and the organisations below it)',
  },

  // Records in general
  'record.notFound': {
    zh: '{thing}不存在或无权访问',
    en: '{thing} not found, or you may not see it',
    params: { thing: one(THING_LABELS) },
  },
  'record.changedMeanwhile': {
    zh: '这条记录已被他人修改，请刷新后查看最新内容再操作',
    en: 'Someone else changed this record; reload to see the latest version and try again',
  },
  'record.orgChangedMeanwhile': {
    zh: '所选组织正在调整（改名或调整上级），记录未保存，请稍候重新提交',
    en: 'The chosen organisation is being changed (renamed or moved); nothing was saved, submit again in a moment',
  },

  // Users and organisations
  'user.nameTaken': { zh: '用户名已存在，请换一个', en: 'This username is taken; choose another' },
  'user.orgMissing': { zh: '所属组织不存在', en: 'The organisation does not exist' },
  'user.notOnSelf': {
    zh: '不能停用自己或修改自己的角色，请由另一位管理员操作',
    en: 'You cannot deactivate yourself or change your own role; ask another administrator',
  },
  'org.codeTaken': { zh: '组织代码已存在，请换一个', en: 'This organisation code is taken; choose another' },
  'org.parentMissing': { zh: '上级组织不存在', en: 'The parent organisation does not exist' },
  'org.parentRequired': {
    zh: '请选择上级组织：新组织须建在您管理的组织之下',
    en: 'Choose a parent: a new organisation goes under one you manage',
  },
  'org.parentKindNotAllowed': {
    zh: '{kind}不能设在{parentKind}之下',
    en: 'A {kind} cannot sit under a {parentKind}',
    params: { kind: one(ORG_KIND_LABELS), parentKind: one(ORG_KIND_LABELS) },
  },
  'org.moveIntoOwnSubtree': {
    zh: '不能把组织移到它自己或它的下级组织之下',
    en: 'An organisation cannot move under itself or one of the organisations below it',
  },
  'org.outOfReach': {
    zh: '只能管理本组织及下级组织的组织和账号',
    en: 'You may only manage the organisations and accounts of your own organisation and those below it',
  },

  // Plan
  'plan.ruleTaken': {
    zh: '该组织已有这项指标的同类频次规则，请修改现有规则',
    en: 'This organisation already has such a frequency rule for this figure; change the existing one',
  },
  'plan.ruleLevelNotBelow': {
    zh: '规则只能对本组织以下的层级设定，{level}不在{orgLevel}之下',
    en: 'A rule can only reach levels below its organisation: {level} is not below {orgLevel}',
    params: { level: one(ORG_LEVEL_LABELS), orgLevel: one(ORG_LEVEL_LABELS) },
  },
  'plan.ruleLevelNeedsEachChild': {
    zh: '按层级设定的规则只能作用于下级组织',
    en: 'A rule for a level applies to the organisations below, not to the organisation itself',
  },

  // Duties (ADR 045)
  'duty.ruleTaken': {
    zh: '该组织已有这项规定动作的同类规则，请修改现有规则',
    en: 'This organisation already has such a rule for this duty; change the existing one',
  },
  'duty.dueOnNotInWindow': {
    zh: '截止日期须每个周期一个，且在该周期之内',
    en: 'Give one due day per window, each inside its window',
  },

  // Attachments
  'attachment.readOnly': {
    zh: '只读账号不能添加或删除佐证材料',
    en: 'A read-only account cannot add or remove evidence',
  },
  'attachment.recordClosed': {
    zh: '这条记录已办结，它的佐证材料不能删除（可以继续补充）',
    en: 'This record is closed: its evidence cannot be removed (more can be added)',
  },
  'attachment.empty': { zh: '文件是空的，请重新选择', en: 'The file is empty; choose another' },
  'attachment.badType': {
    zh: '只能上传 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容识别）',
    en: 'Only JPEG, PNG or WebP images or PDF files can be uploaded (judged by the content)',
  },
  'attachment.badImage': {
    zh: '图片已损坏或无法识别，请重新拍摄或换一张',
    en: 'The image is damaged or cannot be read; take it again or choose another',
  },
  'attachment.chooseFile': { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  'attachment.fileMissing': { zh: '文件不存在', en: 'The file does not exist' },

  // 工作总结
  'summary.final': {
    zh: '这一版已定稿，不能再修改；如需修改，请从它新建一版',
    en: 'This version is final and can no longer be changed; make a new version from it to change it',
  },
  'summary.finalNoDelete': {
    zh: '这一版已定稿，不能删除；只有草稿可以删除',
    en: 'This version is final and cannot be deleted; only drafts can be deleted',
  },

  // 报送 (ADR 047)
  'report.notFinal': {
    zh: '只有定稿的报告才能报送，请先定稿',
    en: 'Only a final report can be sent; finalise it first',
  },
  'report.alreadySent': {
    zh: '这份报告本期已经报送，不能重复报送',
    en: 'This report has already been sent for this period',
  },
  'report.toNotAbove': {
    zh: '只能报送给本单位的上级组织',
    en: 'A report can only be sent to an organisation above its own',
  },
  'report.sentInFuture': {
    zh: '报送日期不能晚于今天',
    en: 'The day sent cannot be after today',
  },

  // 考核细则 (ADR 040)
  'scheme.inUse': {
    zh: '这份考核细则已启用，不能再修改或删除；如需调整，请复制为新的草稿',
    en: 'This assessment scheme is in use and can no longer be changed or deleted; copy it into a new draft to change it',
  },
  'scheme.issuerLevel': {
    zh: '{kind}不能制定考核{level}的细则：区（县）考核街道（乡镇），街道（乡镇）或党总支考核支部',
    en: 'A {kind} cannot issue a scheme scoring {level}: a district scores its sub-districts, a sub-district or general branch its branches',
    params: { kind: one(ORG_KIND_LABELS), level: one(SCHEME_LEVEL_LABELS) },
  },
  'scheme.unitNotScored': {
    zh: '这份细则考核的是{level}，所选组织不是该细则考核的单位',
    en: 'This scheme scores {level}; the organisation chosen is not one of the units it scores',
    params: { level: one(SCHEME_LEVEL_LABELS) },
  },
  'scheme.invalidTree': {
    zh: '考核细则有误，请按提示修改',
    en: 'The assessment scheme has errors; please correct them',
  },
  // 考核细则 xlsx (ADR 043)
  'schemeImport.hasProblems': {
    zh: '文件中有 {count} 处问题，没有导入任何内容；请按问题清单修改后重新上传',
    en: 'The file has {count} problems and nothing was imported; fix them as listed and upload it again',
    params: { count: 'number' },
  },
  'schemeImport.tooManyRows': {
    zh: '文件超过 {max} 行，不像一份考核细则；请只保留细则本身后重新上传',
    en: 'The file has more than {max} rows, too many for an assessment scheme; keep only the scheme and upload it again',
    params: { max: 'number' },
  },
  'schemeImport.unreadable': {
    zh: '无法读取这个文件：{reason}',
    en: 'This file cannot be read: {reason}',
    params: { reason: 'text' },
  },

  // 考核任务 (ADR 041)
  'campaign.noUnits': {
    zh: '没有可考核的单位：所选组织须是该细则考核的下级单位',
    en: 'No units to assess: the organisations chosen must be units below the issuer that the scheme scores',
  },
  'campaign.stepNotAllowed': {
    zh: '考核处于“{from}”状态，不能转为“{to}”',
    en: 'The return is “{from}” and cannot become “{to}”',
    params: { from: one(RETURN_STATE_LABELS), to: one(RETURN_STATE_LABELS) },
  },
  'campaign.locked': {
    zh: '该单位的考核结果已确认，不能再修改',
    en: 'The unit’s scores are confirmed and can no longer be changed',
  },
  'campaign.ownUnitOnly': {
    zh: '自评只能由被考核单位自己的领导班子成员填写和提交',
    en: 'Only the leadership of the unit assessed writes and submits its self-assessment',
  },
  'campaign.issuerOnly': {
    zh: '复核和确认只能由发起考核的组织进行',
    en: 'Only the organisation that opened the campaign reviews and confirms',
  },
  'campaign.incomplete': {
    zh: '还有指标未按要求填写，请按提示补充',
    en: 'Some items are not complete; please complete them',
  },
  'campaign.unknownItem': {
    zh: '考核细则中没有编号为 {key} 的指标',
    en: 'The scheme has no item {key}',
    params: { key: 'text' },
  },
  'campaign.linkOutOfReach': {
    zh: '只能关联本单位及下属组织的记录和已上传的附件',
    en: 'Only records and stored files of the unit and the organisations below it can be linked',
  },
  'campaign.reviewBeforeSelf': {
    zh: '复核截止日期不能早于自评截止日期',
    en: 'The review due date cannot be before the self-assessment due date',
  },
  'campaign.reasonRequired': {
    zh: '退回须写明理由',
    en: 'A return must give a reason',
  },
  'campaign.noneConfirmed': {
    zh: '还没有单位的考核结果经确认，暂不能生成考核情况通报',
    en: 'No unit’s scores are confirmed yet, so no notice can be drafted',
  },

  // Alerts
  'alert.closed': { zh: '这条舆情已办结，不能再修改', en: 'This alert is closed and can no longer be changed' },
  'alert.factsFrozen': {
    zh: '这条舆情已进入“{step}”环节，{fields}不能再直接修改；如确有错误，须由领导班子成员通过“更正”填写理由后更正',
    en: 'This alert has reached the “{step}” step: its {fields} can no longer be changed directly; if wrong, a leadership member corrects it with a reason through “Correct”',
    params: { step: one(ALERT_STEP_NAME_LABELS), fields: list(ALERT_FROZEN_FIELD_LABELS) },
  },
  'alert.correctWhileRegistered': {
    zh: '这条舆情尚在“登记”环节，请直接修改，无需更正',
    en: 'This alert is still at the “Register” step; change it directly, no correction needed',
  },
  'alert.correctionSame': {
    zh: '更正的内容与现有记录相同',
    en: 'The correction is the same as the record',
  },
  'alert.deleteOnlyRegistered': {
    zh: '这条舆情已进入“{step}”环节，只有尚未研判的舆情可以删除',
    en: 'This alert has reached the “{step}” step; only alerts not yet assessed can be deleted',
    params: { step: one(ALERT_STEP_NAME_LABELS) },
  },
  'alert.finished': {
    zh: '这条舆情已{from}，不能再“{to}”',
    en: 'This alert is done ({from}); it can no longer “{to}”',
    params: { from: one(ALERT_STEP_NAME_LABELS), to: one(ALERT_STEP_NAME_LABELS) },
  },
  'alert.badTransition': {
    zh: '这条舆情当前处于“{from}”环节，不能“{to}”；下一步只能是：{allowed}',
    en: 'This alert is at the “{from}” step and cannot “{to}”; the next step can only be: {allowed}',
    params: {
      from: one(ALERT_STEP_NAME_LABELS),
      to: one(ALERT_STEP_NAME_LABELS),
      allowed: list(ALERT_STEP_NAME_LABELS),
    },
  },
  'alert.cannotHandle': { zh: '没有处置这条舆情的权限', en: 'You are not allowed to handle this alert' },
  'alert.leadersOnly': {
    zh: '只有领导班子成员可以进行“{step}”（研判、报送、采纳、退回、办结）',
    en: 'Only leadership members may “{step}” (assess, report, accept, return, close)',
    params: { step: one(ALERT_STEP_NAME_LABELS) },
  },
  'alert.timeInFuture': {
    zh: '{field}不能晚于当前时间',
    en: '{field} cannot be later than now',
    params: { field: one(ALERT_TIME_FIELD_LABELS) },
  },
  'alert.registeredAfterStep': {
    zh: '登记时间不能晚于后续“{step}”环节的时间',
    en: 'The registration time cannot be later than the time of the following “{step}” step',
    params: { step: one(ALERT_STEP_NAME_LABELS) },
  },
  'alert.stepBeforePrevious': {
    zh: '办理时间不能早于上一环节的时间',
    en: 'The step time cannot be earlier than the previous step',
  },

  // 督查 / 通报 / 谈话 / 问责 ledger (ADR 049)
  'accountability.ownOrg': {
    zh: '督查、通报、谈话和问责记录由上级记录，须选择下级单位',
    en: 'Oversight records are kept by the level above: choose a unit below yours',
  },
  'accountability.fieldRequired': { zh: '此类记录须填写此项', en: 'This kind of record needs this field' },
  'accountability.fieldNotAllowed': { zh: '此类记录不填写此项', en: 'This kind of record does not take this field' },

  // Rectifications
  'rectification.noAlertRead': {
    zh: '没有查看舆情的权限，不能关联舆情',
    en: 'You may not read alerts, so you cannot link one',
  },
  'rectification.alertMissing': {
    zh: '关联的舆情不存在或无权访问',
    en: 'The linked alert does not exist, or you may not see it',
  },
  'rectification.doneNoChange': {
    zh: '这项整改已完成，不能再修改',
    en: 'This rectification is done and can no longer be changed',
  },
  'rectification.doneNoDelete': {
    zh: '这项整改已完成，不能再删除',
    en: 'This rectification is done and can no longer be deleted',
  },
  'rectification.alreadyDone': { zh: '这项整改已经标记为完成', en: 'This rectification is already marked done' },
  'rectification.evidenceFirst': {
    zh: '请先上传整改完成的佐证材料（照片或文件），再标记整改完成',
    en: 'Upload evidence of the completed rectification (photos or files) before marking it done',
  },

  // 党工委 meetings (ADR 046)
  'meeting.notCommittee': {
    zh: '党工委专题研究和分析研判由街道（乡镇）党工委或区委、市委召开，不能记在支部名下',
    en: 'These meetings are held by a street or township committee, or a district or city committee, not by a branch',
  },
  'meeting.linkMissing': {
    zh: '关联的阵地/风险点或舆情不存在，或不在本组织范围内',
    en: 'A linked risk point or alert does not exist or is outside this organisation',
  },
  'meeting.taskUnknown': {
    zh: '这条议定事项不属于本次会议',
    en: 'This decision does not belong to this meeting',
  },
  'meeting.doneTaskKept': {
    zh: '已完成的议定事项不能删除或改动，请保留原内容',
    en: 'A decision whose task is done cannot be removed or changed; keep it as it is',
  },
  'meeting.taskHasEvidence': {
    zh: '这条议定事项的任务已上传佐证材料，不能删除',
    en: "This decision's task has evidence attached and cannot be removed",
  },
  // 一会一报 (ADR 048)
  'event.notEditable': {
    zh: '已报送审批或已举办的活动不能再修改；被退回后可修改再报送',
    en: 'An event under approval or already held cannot be changed; amend it once it is sent back',
  },
  'event.notSubmittable': {
    zh: '只有草稿或被退回的活动可以报送审批',
    en: 'Only a draft or a sent-back event can be submitted for approval',
  },
  'event.noApprover': {
    zh: '没有找到审批人：请先为本组织设置一会一报审批链',
    en: 'No approver found: set up the event approval chain for this organisation first',
  },
  'event.notPending': {
    zh: '这项活动当前没有等待审批的环节',
    en: 'This event has no approval step waiting',
  },
  'event.wrongStep': {
    zh: '当前等待审批的是第 {current} 步，不能审批第 {step} 步（不能跳过或重复审批）',
    en: 'Step {current} is waiting; step {step} cannot be decided (steps are not skipped or repeated)',
    params: { current: 'number', step: 'number' },
  },
  'event.notApprover': {
    zh: '您不是这一步的审批人',
    en: 'You are not the approver of this step',
  },
  'event.alreadyHeld': { zh: '这项活动已登记为已举办', en: 'This event is already recorded as held' },
  'event.notYetStarted': {
    zh: '活动开始后才能登记举办情况',
    en: 'An event can be recorded as held only once it has started',
  },
  'event.noDelete': {
    zh: '只有未报送的草稿可以删除',
    en: 'Only a draft that was never submitted can be deleted',
  },
  'event.ruleUserMissing': {
    zh: '审批链中指定的用户不存在或已停用',
    en: 'A user named in the approval chain does not exist or is deactivated',
  },

  // Assignments
  'assignment.firstResponsibleTaken': {
    zh: '本周期该组织已确定第一责任人，请修改现有的那一条',
    en: 'This organisation already has a first responsible person for this period; change that one',
  },
  'assignment.ownerMissing': {
    zh: '负责人不存在或已停用，请重新选择',
    en: 'The owner does not exist or is deactivated; choose again',
  },
  'assignment.ownerOutOfReach': {
    zh: '负责人须属于该组织或其上级组织，请重新选择',
    en: 'The owner must belong to this organisation or one above it; choose again',
  },
  'assignment.factsFrozen': {
    zh: '这项任务已办结，{fields}已计入统计，不能再修改',
    en: 'This task is closed: its {fields} are counted and can no longer be changed',
    params: { fields: list(ASSIGNMENT_FROZEN_FIELD_LABELS) },
  },
  'assignment.closedNoRule': {
    zh: '这项任务已办结，不能再设置完成规则',
    en: 'This task is closed; its completion rule can no longer be set',
  },
  'assignment.closedNoDelete': {
    zh: '这项任务已办结，已计入统计，不能删除',
    en: 'This task is closed and counted; it cannot be deleted',
  },
  'assignment.closeOwnerOrLeaders': {
    zh: '只有任务负责人或领导班子成员可以办结这项任务',
    en: "Only the task's owner or a leadership member may close this task",
  },
  'assignment.closeNotTask': {
    zh: '第一责任人和分管领域是长期职责，不需要办结',
    en: 'First responsible persons and areas are standing duties and are not closed',
  },
  'assignment.closeRuleCounted': {
    zh: '这项任务按完成规则自动统计，达到要求即视为完成，不需要手动办结',
    en: 'This task is counted by its completion rule and is done once the rule is met; it is not closed by hand',
  },
  'assignment.alreadyClosed': { zh: '这项任务已办结', en: 'This task is already closed' },
  'assignment.evidenceFirst': {
    zh: '请先上传佐证材料（照片、文件等），再办结这项任务',
    en: 'Upload evidence (photos, files…) before closing this task',
  },

  // Background jobs, imports, exports, evidence packs
  'job.tooMany': {
    zh: '你已有 {running} 个{job}正在进行（每人最多同时 {limit} 个），请等其中一个完成后再试',
    en: 'You already have {running} {job} running (at most {limit} at once per person); wait for one to finish and try again',
    params: { running: 'number', job: one(JOB_KIND_LABELS), limit: 'number' },
  },
  'import.forbidden': {
    zh: '没有导入{kind}的权限',
    en: 'You are not allowed to import {kind}',
    params: { kind: one(IMPORT_KIND_LABELS) },
  },
  'import.alreadyImported': {
    zh: '该文件已于 {when} 导入过（新增 {created} 条），不会重复导入。如需补充，请只保留新增的行另存为新文件后上传',
    en: 'This file was already imported on {when} ({created} rows added) and is not imported twice. To add more, keep only the new rows, save them as a new file and upload that',
    params: { when: 'text', created: 'number' },
  },
  'import.alreadyImportedBy': {
    zh: '该文件已于 {when} 导入过（{by}导入，新增 {created} 条），不会重复导入。如需补充，请只保留新增的行另存为新文件后上传',
    en: 'This file was already imported on {when} (by {by}, {created} rows added) and is not imported twice. To add more, keep only the new rows, save them as a new file and upload that',
    params: { when: 'text', by: 'text', created: 'number' },
  },
  'import.emptyFile': { zh: '上传的文件是空的', en: 'The uploaded file is empty' },
  'import.notXlsx': {
    zh: '请上传 .xlsx 格式的 Excel 文件（.xls 或 .csv 请先用 Excel 另存为 .xlsx）',
    en: 'Upload an Excel file in .xlsx format (save an .xls or .csv as .xlsx in Excel first)',
  },
  'import.tooLarge': {
    zh: '文件超过 {mb} MB，请拆分后分批导入',
    en: 'The file is over {mb} MB; split it and import the parts one by one',
    params: { mb: 'number' },
  },
  'import.stillValidating': {
    zh: '文件还在校验中，请等校验完成后再确认导入',
    en: 'The file is still being checked; confirm the import once the check is done',
  },
  'import.hasProblems': {
    zh: '文件有 {count} 处问题，请修改后重新上传',
    en: 'The file has {count} problems; fix them and upload it again',
    params: { count: 'number' },
  },
  'import.failed': { zh: '这次导入已失败，请重新上传', en: 'This import failed; upload the file again' },
  /** A failed import's stored reason, as the job recorded it (Chinese only: it was written then). */
  'import.failedBecause': { zh: '{reason}', en: 'This import failed: {reason}', params: { reason: 'text' } },
  'import.fileGone': {
    zh: '上传的文件已不在服务器上，请重新上传',
    en: 'The uploaded file is no longer on the server; upload it again',
  },
  'import.chooseFile': { zh: '请选择要导入的 Excel 文件', en: 'Choose the Excel file to import' },
  'export.tooManyRows': {
    zh: '符合条件的记录超过 {max} 条，无法一次导出。请缩小筛选范围（如缩短日期区间、选择具体支部或类别）后再导出。',
    en: 'More than {max} records match, too many for one export. Narrow the filter (a shorter date range, one branch or category) and export again.',
    params: { max: 'number' },
  },
  'export.rowLimit': {
    zh: '一次最多导出 {max} 条记录',
    en: 'At most {max} records per export',
    params: { max: 'number' },
  },
  'pack.failed': { zh: '证据包生成失败，请重新生成', en: 'The evidence pack failed; generate it again' },
  'pack.notReady': {
    zh: '证据包还在生成中，请稍后再下载',
    en: 'The evidence pack is still being made; download it later',
  },
  'pack.fileGone': { zh: '证据包文件已不存在，请重新生成', en: 'The evidence pack file is gone; generate it again' },

  // Field issues: the web fills in {field} with the form's label; the server sends the rest.
  'field.required': { zh: '请填写{field}', en: 'Enter {field}', params: { field: 'text' } },
  'field.choose': { zh: '请选择{field}', en: 'Choose {field}', params: { field: 'text' } },
  'field.tooLong': {
    zh: '{field}不能超过 {max} 个字',
    en: '{field}: at most {max} characters',
    params: { field: 'text', max: 'number' },
  },
  'field.tooShort': {
    zh: '{field}至少 {min} 个字符',
    en: '{field}: at least {min} characters',
    params: { field: 'text', min: 'number' },
  },
  'field.tooBig': {
    zh: '{field}不能大于 {max}',
    en: '{field}: at most {max}',
    params: { field: 'text', max: 'number' },
  },
  'field.tooSmall': {
    zh: '{field}不能小于 {min}',
    en: '{field}: at least {min}',
    params: { field: 'text', min: 'number' },
  },
  'field.tooMany': {
    zh: '{field}最多 {max} 项',
    en: '{field}: at most {max} items',
    params: { field: 'text', max: 'number' },
  },
  'field.tooFew': {
    zh: '{field}至少 {min} 项',
    en: '{field}: at least {min} items',
    params: { field: 'text', min: 'number' },
  },
  'field.invalid': { zh: '{field}格式不正确', en: '{field}: not valid', params: { field: 'text' } },
  'field.illegalCharacter': {
    zh: '{field}含有无法保存的控制字符（{character}），请删除后重新提交（从其他软件复制的文字有时会带上它）',
    en: '{field} contains a control character ({character}) that cannot be saved; delete it and submit again (text copied from other programs sometimes carries one)',
    params: { field: 'text', character: 'text' },
  },
} as const satisfies Record<string, MessageSpec>;

export type ErrorMessageKey = keyof typeof ERROR_MESSAGES;

type ValueOf<P> = P extends 'text'
  ? string
  : P extends 'number'
    ? number
    : P extends { one: infer T }
      ? keyof T & string
      : P extends { list: infer T }
        ? readonly (keyof T & string)[]
        : never;

type SpecParams<K extends ErrorMessageKey> = (typeof ERROR_MESSAGES)[K] extends { params: infer P } ? P : object;

/** The parameters a key takes: its spec's names, each typed by its spec. */
export type ErrorMessageParams<K extends ErrorMessageKey> = {
  -readonly [N in keyof SpecParams<K>]: ValueOf<SpecParams<K>[N]>;
};

/** A key with its parameters; a key without parameters may leave them out. */
export type ErrorMessage = {
  [K in ErrorMessageKey]: keyof SpecParams<K> extends never
    ? { key: K; params?: Record<string, never> }
    : { key: K; params: ErrorMessageParams<K> };
}[ErrorMessageKey];

/** Keys of field issues, where the reader supplies {field} (the form's label). */
export type FieldMessageKey = Extract<ErrorMessageKey, `field.${string}`>;
/** A field issue's key with its parameters less {field}, as the API sends them. */
export type FieldMessage = {
  [K in FieldMessageKey]: { key: K; params: Omit<ErrorMessageParams<K>, 'field'> };
}[FieldMessageKey];

/** A parameter's value on the wire: text, a number, or the code(s) of enum values. */
export type ParamValue = string | number | readonly string[];

export function isErrorMessageKey(key: unknown): key is ErrorMessageKey {
  return typeof key === 'string' && Object.hasOwn(ERROR_MESSAGES, key);
}

/** The `{name}`s a text holds, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

function word(spec: ParamSpec | undefined, value: ParamValue | undefined, lang: LabelLang): string | undefined {
  if (value === undefined || spec === undefined) return undefined;
  if (spec === 'text' || spec === 'number') return String(value);
  if ('one' in spec) return typeof value === 'string' ? labelOf(spec.one, value, lang) : undefined;
  if (!Array.isArray(value)) return undefined;
  return value.map((v: string) => labelOf(spec.list, v, lang)).join(lang === 'zh' ? '、' : ', ');
}

/**
 * A message in one language. Enum values are worded through their tables (an unknown value shows
 * its code); a missing parameter leaves its `{name}` in place rather than failing.
 */
export function renderErrorMessage(
  key: ErrorMessageKey,
  params: Readonly<Record<string, ParamValue>> | undefined,
  lang: LabelLang,
): string {
  const spec: MessageSpec = ERROR_MESSAGES[key];
  return spec[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params && Object.hasOwn(params, name) ? params[name] : undefined;
    return word(spec.params?.[name], value, lang) ?? whole;
  });
}

/** The Chinese sentence of a message: what the API answers as `message`. */
export function zhMessage(message: ErrorMessage): string {
  return renderErrorMessage(message.key, message.params as Record<string, ParamValue> | undefined, 'zh');
}

/**
 * A zod issue's key and parameters, for a field issue the web can word in either language: the
 * issue's code with what it reports (origin, maximum, minimum). Other codes (custom rules, formats)
 * have none; their own message stands.
 */
export function fieldMessageOfIssue(issue: {
  code: string;
  origin?: unknown;
  maximum?: unknown;
  minimum?: unknown;
}): FieldMessage | undefined {
  const bound = (v: unknown) => {
    const n = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
    return n !== undefined && Number.isFinite(n) ? n : undefined;
  };
  const max = bound(issue.maximum);
  const min = bound(issue.minimum);
  const numeric = issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint';
  const many = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'too_big':
      if (max === undefined) return undefined;
      if (issue.origin === 'string') return { key: 'field.tooLong', params: { max } };
      if (numeric) return { key: 'field.tooBig', params: { max } };
      return many ? { key: 'field.tooMany', params: { max } } : undefined;
    case 'too_small':
      if (min === undefined) return undefined;
      if (issue.origin === 'string')
        return min <= 1 ? { key: 'field.required', params: {} } : { key: 'field.tooShort', params: { min } };
      if (numeric) return { key: 'field.tooSmall', params: { min } };
      return many ? { key: 'field.tooFew', params: { min } } : undefined;
    case 'invalid_type':
    case 'invalid_value':
      return { key: 'field.required', params: {} };
    default:
      return undefined;
  }
}
