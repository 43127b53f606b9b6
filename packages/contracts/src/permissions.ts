// Who may do what, as data. The API enforces it (apps/api/src/plugins/auth.ts); the web only
// reads it to decide which navigation and buttons to show. Deny by default: an action missing
// from a role's list is refused. Reach (which orgs) comes from the role's scope; some workflow
// steps add a check on the record itself (e.g. only a task's owner or leadership closes it).
import { z } from 'zod';

export const ROLES = ['LEADER', 'SECRETARY', 'AUDITOR', 'ADMIN', 'REVIEWER'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ACTIONS = [
  'org:read',
  'org:manage',
  'user:manage',
  'activity:read',
  'activity:write',
  'study:read',
  'study:write',
  'publicity:read',
  'publicity:write',
  'riskpoint:read',
  'riskpoint:write',
  'alert:read',
  /** 登记 and edit an alert's facts. */
  'alert:register',
  /** 研判, 报送 (to 市网信办), record 采纳 / 退回, 办结: leadership steps. */
  'alert:assess',
  /** 处置: the branch or leadership handles the item. */
  'alert:handle',
  /**
   * 更正: change an alert's level, registration time or org once it is past 登记, with a reason
   * (audited, the reporting clock kept). Leadership only: the branch is what these facts measure.
   */
  'alert:correct',
  'assignment:read',
  'target:read',
  /** Responsibility list, targets and frequency rules: leadership. */
  'plan:manage',
  'rectification:read',
  'rectification:write',
  'dashboard:read',
  'audit:read',
  /**
   * 操作日志: the audit trail as a log, within the role's reach. Leadership and auditors (and the
   * administrator): a secretary has each of her records' history on the record itself, and the
   * log would show her other people's sign-ins and refusals.
   */
  'oplog:read',
  /** Save and edit 工作总结 drafts (generating and reading them needs dashboard:read): leadership. */
  'report:write',
  /**
   * 考核细则 (ADR 040): read the schemes an org issued or that score it. Every role: a 街道 leader
   * reads the 区's scheme that scores it, a secretary the 街道's scheme for branches.
   */
  'assessment:read',
  /**
   * Write, copy, delete the schemes of an org in reach: leadership of the issuing level. With
   * campaigns (ADR 041): confirm the final scores.
   */
  'assessment:manage',
  /** 复核 (ADR 041): open a campaign, review a unit's 自评 item by item, or return it: the issuer's reviewer or leader. */
  'assessment:review',
  /**
   * 自评 (ADR 041, amended): write and submit the own unit's 自评 — a 街道's leader when the 区
   * scores it, a 支部's secretary (its 书记) when the 街道 scores its branches.
   */
  'assessment:self',
  /** 党工委 专题研究 / 分析研判 meetings (ADR 046): every role that reaches the committee reads them. */
  'meeting:read',
  /** Record a meeting and its 议定事项 (which become tasks): leadership. */
  'meeting:write',
  /**
   * 督查 / 通报 / 谈话 / 问责 ledger (ADR 049): leadership, auditors and reviewers read it; a
   * secretary never does, not even her own branch's records (it is about her branch).
   */
  'accountability:read',
  /** Writes the ledger of the units below: leadership. */
  'accountability:write',
  /** The calendar of duties of an org in reach (ADR 045): every role. Its rules are plan:manage. */
  'duty:read',
  /** 一会一报 (ADR 048): submit, amend, resubmit an event and record it as held. */
  'event:write',
  /**
   * Decide a step of an event's approval chain: the service lets only the step's own approver
   * (role at the org of the step's level on the event's path, or the named user) decide it.
   */
  'event:approve',
  'event:read',
] as const;
export const ActionSchema = z.enum(ACTIONS);
export type Action = z.infer<typeof ActionSchema>;

/**
 * ALL: every org; SUBTREE: the user's home org and the orgs below it. Every role is SUBTREE
 * (ADR 035): a leader, auditor or admin of a 区 reaches its 街道 and branches, never a sibling
 * 区; at the root of a deployment the subtree is everything, as ALL was.
 */
export type Scope = 'ALL' | 'SUBTREE';

const READS: Action[] = [
  'org:read',
  'activity:read',
  'study:read',
  'publicity:read',
  'riskpoint:read',
  'alert:read',
  'assignment:read',
  'target:read',
  'rectification:read',
  'dashboard:read',
  'assessment:read',
  'meeting:read',
  'duty:read',
  'event:read',
];

/**
 * `oversees`: the role watches the orgs below its home side by side (the branch comparison page,
 * an org picker on every scoped page) rather than working one branch's 台账.
 */
export const ROLE_POLICY: Record<Role, { scope: Scope; oversees: boolean; actions: readonly Action[] }> = {
  LEADER: {
    scope: 'SUBTREE',
    oversees: true,
    actions: [
      ...READS,
      // A 街道 (or 区) committee organises activities of its own and enters or imports its
      // branches' 台账 in one file (ADR 036, amended: issue 17).
      'activity:write',
      'study:write',
      'publicity:write',
      'riskpoint:write',
      'alert:register',
      'alert:assess',
      'alert:handle',
      'alert:correct',
      'plan:manage',
      'rectification:write',
      'report:write',
      'oplog:read',
      'assessment:manage',
      'assessment:review',
      'assessment:self',
      'meeting:write',
      'accountability:read',
      'accountability:write',
      'event:write',
      'event:approve',
    ],
  },
  SECRETARY: {
    scope: 'SUBTREE',
    oversees: false,
    actions: [
      ...READS,
      'activity:write',
      'study:write',
      'publicity:write',
      'riskpoint:write',
      'alert:register',
      'alert:handle',
      'rectification:write',
      'assessment:self',
      'event:write',
      'event:approve',
    ],
  },
  AUDITOR: {
    scope: 'SUBTREE',
    oversees: true,
    actions: [...READS, 'audit:read', 'oplog:read', 'accountability:read'],
  },
  ADMIN: {
    scope: 'SUBTREE',
    oversees: true,
    actions: [...READS, 'org:manage', 'user:manage', 'audit:read', 'oplog:read'],
  },
  /**
   * 督查/考核 of a level: reads its subtree (records, dashboard, history, 操作日志) and writes no
   * record but the 复核 of the 考核 its level issued (ADR 041).
   */
  REVIEWER: {
    scope: 'SUBTREE',
    oversees: true,
    actions: [...READS, 'oplog:read', 'assessment:review', 'accountability:read'],
  },
};

export function can(role: Role, action: Action): boolean {
  return ROLE_POLICY[role].actions.includes(action);
}
