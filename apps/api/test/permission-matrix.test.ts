// The permission matrix (issue 7, OWASP API1:2023 broken object-level authorization): every route
// the app registers × every role × (own object, another branch's object, nonexistent id) against
// the status the permission table predicts. The route table comes from the app itself (buildApp's
// onRoute), so a new route without an entry in ENTRIES fails here, and so does an entry whose route
// is gone. Expected statuses are derived by expectedStatus() from ROLE_POLICY and the scope rules,
// not typed per cell; the few places where the API deliberately differs are flags on the entry,
// each with its reason. A secretary's successful answers are also searched for branch B's records.
// Levels (issue 17, ADR 035): the street sits under a 区委 with a sibling street beside it; the 区's
// leader, reviewer and admin reach both branches, the sibling street's leader and admin neither,
// and their successful answers are searched for both branches' records.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { starterSchemeCategories } from '@dutyboard/contracts/assessments';
import { type Action, can, type Role } from '@dutyboard/contracts/permissions';
import ExcelJS from 'exceljs';
import type { FastifyInstance, RouteOptions } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import {
  activityInput,
  addDistrict,
  type Fixture,
  type LevelsFixture,
  login,
  PASSWORD,
  seedFixture,
} from './helpers/fixtures.ts';
import { multipart } from './helpers/multipart.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

// ---------------------------------------------------------------------------------------------
// Roles and cases

/**
 * The callers: signed out, one user per role at the street (the secretary is branch A's), the
 * 区's leader, reviewer and admin above it, and the sibling street's leader and admin.
 */
const WHO = [
  'anon',
  'admin',
  'leader',
  'auditor',
  'secA',
  'dLeader',
  'dReviewer',
  'dAdmin',
  's2Leader',
  's2Admin',
] as const;
type Who = (typeof WHO)[number];
const ROLE: Record<Who, Role | null> = {
  anon: null,
  admin: 'ADMIN',
  leader: 'LEADER',
  auditor: 'AUDITOR',
  secA: 'SECRETARY',
  dLeader: 'LEADER',
  dReviewer: 'REVIEWER',
  dAdmin: 'ADMIN',
  s2Leader: 'LEADER',
  s2Admin: 'ADMIN',
};
/** The level each caller sits at (for the printed counts). */
const LEVEL: Record<Who, string> = {
  anon: '-',
  admin: 'street',
  leader: 'street',
  auditor: 'street',
  secA: 'branch',
  dLeader: 'district',
  dReviewer: 'district',
  dAdmin: 'district',
  s2Leader: 'sibling street',
  s2Admin: 'sibling street',
};
/** The callers whose answers must hold nothing of branch A nor B (they reach neither). */
const OUTSIDERS: readonly Who[] = ['s2Leader', 's2Admin'];

/** own: branch A's object (or org); other: branch B's; missing: an id nobody has. */
type Case = 'own' | 'other' | 'missing';

/**
 * public: no sign-in needed. global: not about one org or record (one case). collection: about
 * an org given in the query or body. object: about one record named in the path or query.
 */
type Kind = 'public' | 'global' | 'collection' | 'object';
const CASES: Record<Kind, readonly Case[]> = {
  public: ['own'],
  global: ['own'],
  collection: ['own', 'other', 'missing'],
  object: ['own', 'other', 'missing'],
};

/** Records the fixture holds one of in branch A and one in branch B (and can make more of). */
type ObjKind =
  | 'activity'
  | 'study'
  | 'studyWithRoster'
  | 'publicity'
  | 'riskPoint'
  | 'alert'
  | 'assessedAlert'
  | 'rectification'
  | 'rectificationWithEvidence'
  | 'accountability'
  | 'event'
  | 'submittedEvent'
  | 'pastEvent'
  | 'assignment'
  | 'assignmentWithEvidence'
  | 'target'
  | 'rule'
  | 'dutyRule'
  | 'attachment'
  | 'pack'
  | 'summary'
  | 'finalReport'
  | 'org'
  | 'user';
type Side = 'A' | 'B';

interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Send without the caller's session cookie (signing in). */
  noCookie?: boolean;
}

/** What a request is aimed at in one case: the org and, for object routes, the record id. */
interface Target {
  who: Who;
  org: string;
  id: string;
}

interface Entry {
  kind: Kind;
  /** The success status. */
  ok: number;
  /** The record an object route is about; `fresh` makes a new one for each check expected to succeed. */
  obj?: ObjKind;
  fresh?: boolean;
  /**
   * What a SUBTREE role gets for another branch: 404 (not revealed; reads, and writes to a
   * record it cannot see) unless the entry says 403 (a write into an org chosen in the body:
   * loadWritableOrg says plainly why it is refused).
   */
  other?: 403 | 404;
  /**
   * Routes whose declared permission admits every reader and whose service checks this action
   * on the loaded record (so a missing or unreachable record is 404 first, then 403).
   */
  serviceAction?: Action;
  /** Import jobs are their requester's only: another user's job is 404 whatever the role's scope. */
  requesterOnly?: boolean;
  /**
   * A global route whose request names the fixture street (a new org or user under it): a caller
   * who does not reach the street is refused with 403 (the admin chose it in the form).
   */
  inStreet?: boolean;
  /** The same, for a request naming the 区 (a scheme issued by it). */
  inDistrict?: boolean;
  /**
   * Whether a caller reaches the own / other object, when it is not branch A's / B's: a 考核细则
   * of the fixture street (read from inside it too: secretary A) and one of the sibling street.
   */
  reach?: (r: Reach, c: 'own' | 'other') => boolean;
  /**
   * 考核 (ADR 041): a write only one side of a reachable return may make — the unit's own leader
   * (its home org is the unit) or the issuer (the 区): anyone else who reaches it gets 403.
   */
  side?: (r: Reach, c: 'own' | 'other') => boolean;
  /** The id of an own / other record when it is the caller's own kind of thing (import job, session). */
  target?: (who: Who, c: 'own' | 'other') => Promise<string>;
  req(t: Target): Req | Promise<Req>;
}

/** Which of branch A, branch B and the fixture street a caller's home subtree holds (from the tree). */
interface Reach {
  A: boolean;
  B: boolean;
  street: boolean;
  street2: boolean;
  district: boolean;
  /** The caller's home org is the fixture street / the sibling street itself. */
  atStreet: boolean;
  atStreet2: boolean;
}

interface RouteInfo {
  method: string;
  url: string;
  permission: string | undefined;
  isPublic: boolean;
}

/**
 * The status the permission table predicts. Order follows the server: the auth hook (401, then
 * the route's declared action → 403) runs before anything is loaded; then the service loads the
 * org or record (missing → 404; out of a SUBTREE role's reach → 404, or 403 for a write into a
 * chosen org); then any action the service checks on the loaded record (→ 403).
 */
export function expectedStatus(route: RouteInfo, entry: Entry, role: Role | null, c: Case, reach: Reach): number {
  if (entry.kind === 'public') return entry.ok;
  if (role === null) return 401;
  const declared = route.permission;
  if (!declared) return 403; // deny by default (auth.ts)
  if (declared !== 'SIGNED_IN' && !can(role, declared as Action)) return 403;
  if (c === 'missing') return 404;
  if (entry.inStreet && !reach.street) return 403;
  if (entry.inDistrict && !reach.district) return 403;
  // Own: branch A's object (a global route is about no org), or the caller's own job or session.
  const reaches = entry.reach
    ? entry.reach(reach, c)
    : entry.kind === 'global' || entry.requesterOnly
      ? c === 'own'
      : c === 'own'
        ? reach.A
        : reach.B;
  if (!reaches) return entry.other ?? 404;
  if (entry.side && !entry.side(reach, c)) return 403;
  if (entry.serviceAction && !can(role, entry.serviceAction)) return 403;
  return entry.ok;
}

// ---------------------------------------------------------------------------------------------
// The fixture

let ctx: TestContext;
let app: FastifyInstance;
let fx: Fixture;
let lv: LevelsFixture;
const routes: RouteInfo[] = [];
const cookies: Partial<Record<Who | 'secB', string>> = {};
const reachOf = {} as Record<Who, Reach>;
const objs = {} as Record<ObjKind, Record<Side, string>>;
/** Each caller's own import job, and branch B's secretary's (the "other" one). */
const importJobs: Partial<Record<Who | 'secB', string>> = {};
/** Text that appears only in branch B's records: a secretary of A must never be answered it. */
const B_MARK = '乙MARK';
const PERIOD = '2026-H2';
const PAST = '2026-11-02T02:00:00Z';

/** A future start for the events (一会一报) the matrix submits. */
const FUTURE = '2027-06-01T02:00:00Z';
const eventInput = (orgId: string, topic: string, startsAt: string) => ({
  orgId,
  kind: 'LECTURE',
  topic,
  outline: '学习提纲',
  speaker: '主讲人',
  speakerEmployer: '区委党校',
  venue: '会议室',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
  audienceSize: 40,
  foreignParticipants: false,
  vettingOpinion: '经政治把关，同意',
});

const orgOf = (side: Side) => (side === 'A' ? fx.branchAId : fx.branchBId);
const secOf = (side: Side) => (side === 'A' ? 'secA' : 'secB');
const mark = (side: Side) => (side === 'B' ? B_MARK : '甲');

async function send(who: Who | 'secB', req: Req) {
  const cookie = who === 'anon' || req.noCookie ? undefined : cookies[who];
  return app.inject({
    method: req.method,
    url: req.url,
    payload: req.payload as string | object | Buffer | undefined,
    headers: { ...(cookie ? { cookie } : {}), ...req.headers },
  });
}

async function created(who: Who | 'secB', req: Req, status = 201): Promise<Record<string, unknown>> {
  const res = await send(who, req);
  if (res.statusCode !== status) throw new Error(`${req.method} ${req.url} as ${who}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const post = (url: string, payload: unknown): Req => ({ method: 'POST', url, payload });

let png: Buffer;
const upload = (entityId: string, entityType = 'RiskPoint'): Req => {
  const body = multipart(
    { entityType, entityId },
    { name: 'file', fileName: 'photo.png', contentType: 'image/png', bytes: png },
  );
  return {
    method: 'POST',
    url: '/api/attachments',
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  };
};

/** Uploads a real evidence file (evidence packs read every file back) as the leader. */
async function evidence(entityType: string, entityId: string) {
  await created('leader', upload(entityId, entityType));
}

async function settledPack(id: string) {
  for (let i = 0; i < 200; i++) {
    const pack = await ctx.prisma.evidencePack.findUniqueOrThrow({ where: { id } });
    if (pack.state === 'DONE') return;
    if (pack.state === 'FAILED') throw new Error(`evidence pack ${id} failed`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`evidence pack ${id} not done`);
}

let serial = 0;
const next = () => ++serial;

/** Makes one more record of a kind in a branch, through the API, as someone allowed to. */
const make: Record<ObjKind, (side: Side) => Promise<string>> = {
  activity: async (side) =>
    (
      await created(
        secOf(side),
        post('/api/activities', activityInput(orgOf(side), { title: `${mark(side)}活动${next()}`, occurredAt: PAST })),
      )
    ).id as string,
  study: async (side) =>
    (
      await created(
        'leader',
        post('/api/study-sessions', {
          orgId: orgOf(side),
          kind: 'BRANCH_STUDY',
          topic: `${mark(side)}学习${next()}`,
          occurredAt: PAST,
        }),
      )
    ).id as string,
  // A 中心组 session with a roster whose one member on leave still owes a 补学 (ADR 051).
  studyWithRoster: async (side) =>
    (
      await created(
        'leader',
        post('/api/study-sessions', {
          orgId: orgOf(side),
          kind: 'CENTRAL_GROUP',
          topic: `${mark(side)}中心组学习${next()}`,
          occurredAt: PAST,
          roster: [
            { name: '成员甲', status: 'PRESENT' },
            { name: '成员乙', status: 'LEAVE', reason: '出差' },
          ],
        }),
      )
    ).id as string,
  publicity: async (side) =>
    (
      await created(
        'leader',
        post('/api/publicity', {
          orgId: orgOf(side),
          outlet: '区融媒体中心',
          level: 'DISTRICT',
          title: `${mark(side)}宣传${next()}`,
          publishedAt: PAST,
        }),
      )
    ).id as string,
  riskPoint: async (side) =>
    (
      await created(
        'leader',
        post('/api/risk-points', {
          orgId: orgOf(side),
          name: `${mark(side)}公众号${next()}`,
          type: 'WECHAT_ACCOUNT',
          level: 'MEDIUM',
        }),
      )
    ).id as string,
  alert: async (side) =>
    (
      await created(
        'leader',
        post('/api/risk-alerts', {
          orgId: orgOf(side),
          level: 'LEVEL_3',
          source: '网络巡查',
          channel: '微博',
          summary: `${mark(side)}舆情${next()}`,
          reach: 100,
          registeredAt: PAST,
        }),
      )
    ).id as string,
  // Past 登记 (研判 taken), so its org, level and registration time are corrected, not edited.
  assessedAlert: async (side) => {
    const id = await make.alert(side);
    await created('leader', post(`/api/risk-alerts/${id}/transitions`, { to: 'ASSESSED', note: '研判' }), 200);
    return id;
  },
  rectification: async (side) =>
    (
      await created(
        'leader',
        // A deadline already past: it is overdue, so it shows up in the leader's notifications.
        post('/api/rectifications', {
          orgId: orgOf(side),
          problem: `${mark(side)}整改${next()}`,
          source: 'SELF_CHECK',
          deadline: '2026-11-10',
        }),
      )
    ).id as string,
  // A 黄色通报 to the branch, by the street's leader (the level above, ADR 049).
  accountability: async (side) =>
    (
      await created(
        'leader',
        post('/api/accountability', {
          orgId: orgOf(side),
          type: 'NOTICE',
          title: `${mark(side)}通报${next()}`,
          occurredAt: PAST,
          colour: 'YELLOW',
          grounds: '阵地更新不及时',
        }),
      )
    ).id as string,
  event: async (side) =>
    (
      await created(
        'leader',
        post('/api/event-approvals', eventInput(orgOf(side), `${mark(side)}讲座${next()}`, FUTURE)),
      )
    ).id as string,
  // Submitted under the default chain: the street's leader decides its one step.
  submittedEvent: async (side) => {
    const id = await make.event(side);
    await created('leader', post(`/api/event-approvals/${id}/submit`, {}), 200);
    return id;
  },
  pastEvent: async (side) =>
    (await created('leader', post('/api/event-approvals', eventInput(orgOf(side), `${mark(side)}论坛${next()}`, PAST))))
      .id as string,
  rectificationWithEvidence: async (side) => {
    const id = await make.rectification(side);
    await evidence('Rectification', id);
    return id;
  },
  assignment: async (side) =>
    (
      await created(
        'leader',
        post('/api/assignments', {
          period: PERIOD,
          orgId: orgOf(side),
          ownerId: fx.users.leader,
          kind: 'TASK',
          task: `${mark(side)}任务${next()}`,
          dueDate: '2026-11-20',
        }),
      )
    ).id as string,
  assignmentWithEvidence: async (side) => {
    const id = await make.assignment(side);
    await evidence('Assignment', id);
    return id;
  },
  target: async (side) => {
    const res = await send('leader', {
      method: 'PUT',
      url: '/api/targets',
      payload: { period: PERIOD, orgId: orgOf(side), metric: 'BRANCH_STUDY', value: 2 },
    });
    if (res.statusCode !== 200) throw new Error(`PUT /api/targets: ${res.statusCode} ${res.body}`);
    return res.json().targetId as string;
  },
  rule: async (side) => {
    // One rule per metric and org: clear the slot, then add it through the API.
    await ctx.prisma.frequencyRule.deleteMany({ where: { orgId: orgOf(side), metric: 'BRANCH_STUDY' } });
    return (
      await created(
        'leader',
        post('/api/target-rules', {
          metric: 'BRANCH_STUDY',
          orgId: orgOf(side),
          eachChild: false,
          frequency: 'QUARTERLY',
          times: 1,
        }),
      )
    ).id as string;
  },
  dutyRule: async (side) => {
    // One rule per duty and org: clear the slot, then add it through the API.
    await ctx.prisma.dutyRule.deleteMany({ where: { orgId: orgOf(side), kind: 'POSITION_INSPECTION' } });
    return (
      await created(
        'leader',
        post('/api/duty-rules', { kind: 'POSITION_INSPECTION', orgId: orgOf(side), eachChild: false, required: 2 }),
      )
    ).id as string;
  },
  attachment: async (side) => (await created('leader', upload(objs.riskPoint[side]))).id as string,
  pack: async (side) => {
    const pack = await created('leader', post('/api/evidence-packs', { org: orgOf(side), period: PERIOD }), 202);
    await settledPack(pack.id as string);
    return pack.id as string;
  },
  summary: async (side) => {
    const generated = await created('leader', post('/api/reports/summary', { period: PERIOD, org: orgOf(side) }), 200);
    return (
      await created(
        'leader',
        post('/api/reports/summaries', { period: PERIOD, org: orgOf(side), content: generated.content }),
      )
    ).id as string;
  },
  // A FINAL 专题汇报 of its own period (one 报送 per document, so each fresh one is a new period).
  finalReport: async (side) => {
    reportSerial += 1;
    const period = `${2030 + (reportSerial >> 1)}-H${(reportSerial & 1) + 1}`;
    const saved = await created(
      'leader',
      post('/api/reports/summaries', { kind: 'SPECIAL_REPORT', period, org: orgOf(side), content: generatedContent }),
    );
    await created('leader', post(`/api/reports/summaries/${saved.id}/finalize`, undefined), 200);
    return saved.id as string;
  },
  org: async (side) => orgOf(side),
  user: async (side) =>
    (
      await created(
        'admin',
        post('/api/users', {
          username: `matrix${side}${next()}`,
          displayName: `${mark(side)}用户`,
          role: 'SECRETARY',
          orgId: orgOf(side),
          password: 'a long enough password',
        }),
      )
    ).id as string,
};

let generatedContent: unknown;
let reportSerial = 0;
let xlsxFile: Buffer;
/** A 细则 typed by hand: one item of full marks (ADR 043). */
let schemeXlsxFile: Buffer;

// ---------------------------------------------------------------------------------------------
// The expectations: one entry per route (method + url pattern)

const q = (url: string, query: Record<string, string>) => `${url}?${new URLSearchParams(query).toString()}`;
const orgList = (url: string, extra: Record<string, string> = {}): Entry => ({
  kind: 'collection',
  ok: 200,
  req: (t) => ({ method: 'GET', url: q(url, { ...extra, org: t.org }) }),
});
const getOne = (base: string, obj: ObjKind, tail = ''): Entry => ({
  kind: 'object',
  ok: 200,
  obj,
  req: (t) => ({ method: 'GET', url: `${base}/${t.id}${tail}` }),
});
const patchOne = (base: string, obj: ObjKind, payload: unknown): Entry => ({
  kind: 'object',
  ok: 200,
  obj,
  fresh: true,
  req: (t) => ({ method: 'PATCH', url: `${base}/${t.id}`, payload }),
});
const deleteOne = (base: string, obj: ObjKind): Entry => ({
  kind: 'object',
  ok: 200,
  obj,
  fresh: true,
  req: (t) => ({ method: 'DELETE', url: `${base}/${t.id}` }),
});
/** A create whose body names the org: another branch is refused with 403 (loadWritableOrg). */
const createIn = (url: string, body: (org: string) => unknown, ok = 201): Entry => ({
  kind: 'collection',
  ok,
  other: 403,
  req: (t) => post(url, body(t.org)),
});
const exportOf = (list: string): Entry => orgList(`/api/exports/${list}`, { format: 'csv' });
const recordQuery = (url: string, entityType: string, obj: ObjKind): Entry => ({
  kind: 'object',
  ok: 200,
  obj,
  req: (t) => ({ method: 'GET', url: q(url, { entityType, entityId: t.id }) }),
});

const ENTRIES: Record<string, Entry> = {
  // Public: health and signing in/out answer everyone.
  'GET /api/health': { kind: 'public', ok: 200, req: () => ({ method: 'GET', url: '/api/health' }) },
  'POST /api/auth/login': {
    kind: 'public',
    ok: 200,
    // Sent without a session (signing in may replace the one presented) as a user of its own.
    req: () => ({ ...post('/api/auth/login', { username: 'probe', password: PASSWORD }), noCookie: true }),
  },
  'POST /api/auth/logout': {
    kind: 'public',
    ok: 200,
    // Signs out a second session of its own, so the caller's session stays for the other checks.
    req: async (t) =>
      t.who === 'anon'
        ? post('/api/auth/logout', undefined)
        : {
            ...post('/api/auth/logout', undefined),
            noCookie: true,
            headers: { cookie: await login(app, t.who) },
          },
  },
  'GET /api/auth/session': { kind: 'public', ok: 200, req: () => ({ method: 'GET', url: '/api/auth/session' }) },
  'GET /api/me': { kind: 'global', ok: 200, req: () => ({ method: 'GET', url: '/api/me' }) },
  // My sessions: each user's own only.
  'GET /api/auth/sessions': { kind: 'global', ok: 200, req: () => ({ method: 'GET', url: '/api/auth/sessions' }) },
  'DELETE /api/auth/sessions/:id': {
    kind: 'object',
    ok: 200,
    // Another user's session is not revealed, whatever the role's reach.
    requesterOnly: true,
    // own: a second session of the caller's; other: one of secretary B's.
    target: async (who, c) => sessionIdOf(await login(app, c === 'own' ? who : 'secB')),
    req: (t) => ({ method: 'DELETE', url: `/api/auth/sessions/${t.id}` }),
  },
  'POST /api/auth/sessions/sign-out-others': {
    kind: 'global',
    ok: 200,
    req: () => post('/api/auth/sessions/sign-out-others', undefined),
  },
  // A wrong current password: every signed-in role reaches the check (400), and no password or
  // session of the matrix's users changes under the cases running beside it.
  'POST /api/auth/password': {
    kind: 'global',
    ok: 400,
    req: () => post('/api/auth/password', { currentPassword: 'not the password', newPassword: 'a new password 2026' }),
  },

  // Orgs and users: administration.
  'GET /api/orgs': { kind: 'global', ok: 200, req: () => ({ method: 'GET', url: '/api/orgs' }) },
  'POST /api/orgs': {
    kind: 'global',
    ok: 201,
    req: () =>
      post('/api/orgs', { code: `M-${next()}`, name: '矩阵测试支部', kind: 'VILLAGE_BRANCH', parentId: fx.streetId }),
    inStreet: true,
  },
  'PATCH /api/orgs/:id': patchOne('/api/orgs', 'org', { sortOrder: 7 }),
  'GET /api/users': { kind: 'global', ok: 200, req: () => ({ method: 'GET', url: '/api/users' }) },
  'POST /api/users': {
    kind: 'global',
    ok: 201,
    req: () =>
      post('/api/users', {
        username: `matrixnew${next()}`,
        displayName: '新用户',
        role: 'AUDITOR',
        orgId: fx.streetId,
        password: 'a long enough password',
      }),
    inStreet: true,
  },
  'PATCH /api/users/:id': patchOne('/api/users', 'user', { displayName: '改名' }),

  // Records: list (org filter), create (org in body), read, change, delete.
  'GET /api/activities': orgList('/api/activities'),
  'POST /api/activities': createIn('/api/activities', (org) => activityInput(org, { occurredAt: PAST })),
  'GET /api/activities/:id': getOne('/api/activities', 'activity'),
  'PATCH /api/activities/:id': patchOne('/api/activities', 'activity', { participants: 12 }),
  'DELETE /api/activities/:id': deleteOne('/api/activities', 'activity'),

  'GET /api/study-sessions': orgList('/api/study-sessions'),
  'POST /api/study-sessions': createIn('/api/study-sessions', (orgId) => ({
    orgId,
    kind: 'BRANCH_STUDY',
    topic: '支部学习',
    occurredAt: PAST,
  })),
  'GET /api/study-sessions/:id': getOne('/api/study-sessions', 'study'),
  'PATCH /api/study-sessions/:id': patchOne('/api/study-sessions', 'study', { topic: '改过的学习主题' }),
  'DELETE /api/study-sessions/:id': deleteOne('/api/study-sessions', 'study'),
  'GET /api/study-sessions/make-ups-owed': orgList('/api/study-sessions/make-ups-owed'),
  'POST /api/study-sessions/:id/make-ups': {
    kind: 'object',
    ok: 200,
    obj: 'studyWithRoster',
    fresh: true,
    req: (t) => post(`/api/study-sessions/${t.id}/make-ups`, { name: '成员乙', madeUpOn: '2026-11-20', how: 'SELF' }),
  },

  'GET /api/publicity': orgList('/api/publicity'),
  'POST /api/publicity': createIn('/api/publicity', (orgId) => ({
    orgId,
    outlet: '区融媒体中心',
    level: 'DISTRICT',
    title: '宣传报道',
    publishedAt: PAST,
  })),
  'GET /api/publicity/:id': getOne('/api/publicity', 'publicity'),
  'PATCH /api/publicity/:id': patchOne('/api/publicity', 'publicity', { outlet: '市级媒体' }),
  'DELETE /api/publicity/:id': deleteOne('/api/publicity', 'publicity'),

  'GET /api/risk-points': orgList('/api/risk-points'),
  'GET /api/risk-points/checks': orgList('/api/risk-points/checks'),
  'POST /api/risk-points': createIn('/api/risk-points', (orgId) => ({
    orgId,
    name: '公众号',
    type: 'WECHAT_ACCOUNT',
    level: 'LOW',
  })),
  'GET /api/risk-points/:id': getOne('/api/risk-points', 'riskPoint'),
  'PATCH /api/risk-points/:id': patchOne('/api/risk-points', 'riskPoint', { level: 'HIGH' }),
  'DELETE /api/risk-points/:id': deleteOne('/api/risk-points', 'riskPoint'),
  'GET /api/risk-points/:id/checks': getOne('/api/risk-points', 'riskPoint', '/checks'),
  'POST /api/risk-points/:id/checks': {
    kind: 'object',
    ok: 201,
    obj: 'riskPoint',
    fresh: true,
    req: (t) =>
      post(`/api/risk-points/${t.id}/checks`, {
        checkedAt: new Date(Date.now() - 3_600_000).toISOString(),
        result: 'NORMAL',
      }),
  },
  'POST /api/risk-points/:id/updates': {
    kind: 'object',
    ok: 200,
    obj: 'riskPoint',
    fresh: true,
    req: (t) => post(`/api/risk-points/${t.id}/updates`, { updatedAt: new Date(Date.now() - 3_600_000).toISOString() }),
  },

  // 督查 / 通报 / 谈话 / 问责 (ADR 049): leadership, auditors, reviewers read; leadership writes.
  'GET /api/accountability': orgList('/api/accountability'),
  'POST /api/accountability': createIn('/api/accountability', (orgId) => ({
    orgId,
    type: 'TALK',
    title: '提醒谈话',
    occurredAt: PAST,
    person: '王某',
    grounds: '阵地管理不到位',
  })),
  'GET /api/accountability/:id': getOne('/api/accountability', 'accountability'),
  'PATCH /api/accountability/:id': patchOne('/api/accountability', 'accountability', { followUp: '已整改' }),
  'DELETE /api/accountability/:id': deleteOne('/api/accountability', 'accountability'),

  'GET /api/risk-alerts': orgList('/api/risk-alerts'),
  'POST /api/risk-alerts': createIn('/api/risk-alerts', (orgId) => ({
    orgId,
    level: 'LEVEL_4',
    source: '网络巡查',
    channel: '微信',
    summary: '新登记的舆情',
    reach: 10,
    registeredAt: PAST,
  })),
  'GET /api/risk-alerts/:id': getOne('/api/risk-alerts', 'alert'),
  'PATCH /api/risk-alerts/:id': patchOne('/api/risk-alerts', 'alert', { reach: 200 }),
  'DELETE /api/risk-alerts/:id': deleteOne('/api/risk-alerts', 'alert'),
  // Open to every reader; the step's own action (研判: alert:assess) is checked on the loaded alert.
  'POST /api/risk-alerts/:id/transitions': {
    kind: 'object',
    ok: 200,
    obj: 'alert',
    fresh: true,
    serviceAction: 'alert:assess',
    req: (t) => post(`/api/risk-alerts/${t.id}/transitions`, { to: 'ASSESSED', note: '研判' }),
  },
  // 更正 of the frozen facts: leadership only (alert:correct), with a reason (ADR 019).
  'POST /api/risk-alerts/:id/corrections': {
    kind: 'object',
    ok: 200,
    obj: 'assessedAlert',
    fresh: true,
    req: (t) => post(`/api/risk-alerts/${t.id}/corrections`, { level: 'LEVEL_4', reason: '矩阵测试更正等级' }),
  },

  'GET /api/rectifications': orgList('/api/rectifications'),
  'POST /api/rectifications': createIn('/api/rectifications', (orgId) => ({
    orgId,
    problem: '宣传栏内容更新不及时',
    source: 'SELF_CHECK',
  })),
  'GET /api/rectifications/:id': getOne('/api/rectifications', 'rectification'),
  'PATCH /api/rectifications/:id': patchOne('/api/rectifications', 'rectification', { measure: '每周更新' }),
  'DELETE /api/rectifications/:id': deleteOne('/api/rectifications', 'rectification'),
  'POST /api/rectifications/:id/close': {
    kind: 'object',
    ok: 200,
    obj: 'rectificationWithEvidence',
    fresh: true,
    req: (t) => post(`/api/rectifications/${t.id}/close`, { closingNote: '已整改并复查' }),
  },

  // 一会一报 (ADR 048).
  'GET /api/event-approval-rules': orgList('/api/event-approval-rules'),
  'PUT /api/event-approval-rules': {
    kind: 'collection',
    ok: 200,
    other: 403,
    // The default chain, written as the org's own rule: the events below keep their approver.
    req: (t) => ({
      method: 'PUT',
      url: '/api/event-approval-rules',
      payload: { orgId: t.org, leadDays: 3, steps: [{ label: '街道党工委审批', role: 'LEADER', level: 'STREET' }] },
    }),
  },
  'GET /api/event-approvals': orgList('/api/event-approvals'),
  'POST /api/event-approvals': createIn('/api/event-approvals', (orgId) => eventInput(orgId, '新讲座', FUTURE)),
  'GET /api/event-approvals/:id': getOne('/api/event-approvals', 'event'),
  'PATCH /api/event-approvals/:id': patchOne('/api/event-approvals', 'event', { venue: '新时代文明实践站' }),
  'DELETE /api/event-approvals/:id': deleteOne('/api/event-approvals', 'event'),
  'POST /api/event-approvals/:id/submit': {
    kind: 'object',
    ok: 200,
    obj: 'event',
    fresh: true,
    req: (t) => post(`/api/event-approvals/${t.id}/submit`, {}),
  },
  // Open to every role that may approve; only the waiting step's approver (the street's leader
  // under the default chain) decides, anyone else who reaches the event gets 403.
  'POST /api/event-approvals/:id/decisions': {
    kind: 'object',
    ok: 200,
    obj: 'submittedEvent',
    fresh: true,
    side: (r) => r.atStreet,
    req: (t) => post(`/api/event-approvals/${t.id}/decisions`, { step: 0, decision: 'APPROVE', opinion: '同意' }),
  },
  'POST /api/event-approvals/:id/held': {
    kind: 'object',
    ok: 200,
    obj: 'pastEvent',
    fresh: true,
    req: (t) => post(`/api/event-approvals/${t.id}/held`, { heldNote: '如期举办' }),
  },

  'GET /api/assignments': orgList('/api/assignments'),
  'GET /api/assignments/owners': {
    kind: 'global',
    ok: 200,
    req: () => ({ method: 'GET', url: '/api/assignments/owners' }),
  },
  'POST /api/assignments': createIn('/api/assignments', (orgId) => ({
    period: PERIOD,
    orgId,
    ownerId: fx.users.leader,
    kind: 'TASK',
    task: `新任务${next()}`,
  })),
  'GET /api/assignments/:id': getOne('/api/assignments', 'assignment'),
  'PATCH /api/assignments/:id': patchOne('/api/assignments', 'assignment', { task: '改过的任务' }),
  'DELETE /api/assignments/:id': deleteOne('/api/assignments', 'assignment'),
  // Open to every reader; the service lets the task's owner or leadership (plan:manage) close it.
  // The fixture's tasks are owned by the leader, so for the others only plan:manage could.
  'POST /api/assignments/:id/close': {
    kind: 'object',
    ok: 200,
    obj: 'assignmentWithEvidence',
    fresh: true,
    serviceAction: 'plan:manage',
    req: (t) => post(`/api/assignments/${t.id}/close`, { closingNote: '已完成' }),
  },

  // Plan: periods, targets, frequency rules.
  'GET /api/periods': { kind: 'global', ok: 200, req: () => ({ method: 'GET', url: '/api/periods' }) },
  'GET /api/targets': orgList('/api/targets', { period: PERIOD }),
  'PUT /api/targets': {
    kind: 'collection',
    ok: 200,
    other: 403,
    req: (t) => ({
      method: 'PUT',
      url: '/api/targets',
      payload: { period: PERIOD, orgId: t.org, metric: 'SEMINAR', value: 1 },
    }),
  },
  'DELETE /api/targets/:id': deleteOne('/api/targets', 'target'),
  'GET /api/target-rules': orgList('/api/target-rules'),
  'POST /api/target-rules': createIn('/api/target-rules', (orgId) => ({
    // A metric per request, so repeated successes do not collide on (metric, org).
    metric: ['SEMINAR', 'CENTRAL_GROUP_STUDY'][next() % 2],
    orgId,
    eachChild: false,
    frequency: 'YEARLY',
    times: 1,
  })),
  'PATCH /api/target-rules/:id': patchOne('/api/target-rules', 'rule', { times: 2 }),
  'DELETE /api/target-rules/:id': deleteOne('/api/target-rules', 'rule'),
  'GET /api/duties/calendar': orgList('/api/duties/calendar', { year: '2026' }),
  'GET /api/duty-rules': orgList('/api/duty-rules'),
  'POST /api/duty-rules': {
    kind: 'collection',
    ok: 201,
    other: 403,
    req: async (t) => {
      // One rule per duty, org and reach: clear the slot so repeated successes do not collide.
      await ctx.prisma.dutyRule.deleteMany({ where: { orgId: t.org, kind: 'POSITION_INSPECTION', eachChild: false } });
      return post('/api/duty-rules', { kind: 'POSITION_INSPECTION', orgId: t.org, eachChild: false, required: 2 });
    },
  },
  'PATCH /api/duty-rules/:id': patchOne('/api/duty-rules', 'dutyRule', { required: 3 }),
  'DELETE /api/duty-rules/:id': deleteOne('/api/duty-rules', 'dutyRule'),

  // Attachments and history: as open as the record they belong to (a risk point here, which
  // leadership and secretaries write: riskpoint:write, checked on the loaded record).
  'GET /api/attachments': recordQuery('/api/attachments', 'RiskPoint', 'riskPoint'),
  'POST /api/attachments': {
    kind: 'object',
    ok: 201,
    obj: 'riskPoint',
    serviceAction: 'riskpoint:write',
    req: (t) => upload(t.id),
  },
  'GET /api/attachments/:id/content': getOne('/api/attachments', 'attachment', '/content'),
  'GET /api/attachments/:id/thumbnail': getOne('/api/attachments', 'attachment', '/thumbnail'),
  'DELETE /api/attachments/:id': { ...deleteOne('/api/attachments', 'attachment'), serviceAction: 'riskpoint:write' },
  'GET /api/history': recordQuery('/api/history', 'RiskPoint', 'riskPoint'),

  // Aggregates.
  'GET /api/dashboard': orgList('/api/dashboard', { period: PERIOD }),
  'GET /api/dashboard/export': orgList('/api/dashboard/export', { period: PERIOD, format: 'csv' }),
  'GET /api/notifications': { kind: 'global', ok: 200, req: () => ({ method: 'GET', url: '/api/notifications' }) },
  'GET /api/audit/verify': { kind: 'global', ok: 200, req: () => ({ method: 'GET', url: '/api/audit/verify' }) },
  'GET /api/oplog': { kind: 'global', ok: 200, req: () => ({ method: 'GET', url: '/api/oplog' }) },
  'GET /api/oplog/actors': { kind: 'global', ok: 200, req: () => ({ method: 'GET', url: '/api/oplog/actors' }) },

  // Exports: the list's filter, so the org filter decides.
  'GET /api/exports/activities': exportOf('activities'),
  'GET /api/exports/study-sessions': exportOf('study-sessions'),
  'GET /api/exports/publicity': exportOf('publicity'),
  'GET /api/exports/risk-points': exportOf('risk-points'),
  'GET /api/exports/risk-point-checks': exportOf('risk-point-checks'),
  'GET /api/exports/risk-alerts': exportOf('risk-alerts'),
  'GET /api/exports/rectifications': exportOf('rectifications'),
  'GET /api/exports/assignments': exportOf('assignments'),
  // The 操作日志's export has no org filter: the whole log in the reader's reach, as its list.
  'GET /api/exports/oplog': {
    kind: 'global',
    ok: 200,
    req: () => ({ method: 'GET', url: '/api/exports/oplog?format=csv' }),
  },

  // Evidence packs: asking for one loads the org as a read (loadReachableOrg), so another
  // branch is 404 here, not the 403 of a write into a chosen org.
  'POST /api/evidence-packs': {
    kind: 'collection',
    ok: 202,
    other: 404,
    req: (t) => post('/api/evidence-packs', { org: t.org, period: PERIOD }),
  },
  'GET /api/evidence-packs': { kind: 'global', ok: 200, req: () => ({ method: 'GET', url: '/api/evidence-packs' }) },
  'GET /api/evidence-packs/:id': getOne('/api/evidence-packs', 'pack'),
  'GET /api/evidence-packs/:id/file': getOne('/api/evidence-packs', 'pack', '/file'),

  // Summaries (工作总结): generated and read with dashboard:read, saved and edited by leadership.
  'POST /api/reports/summary': {
    kind: 'collection',
    ok: 200,
    req: (t) => post('/api/reports/summary', { period: PERIOD, org: t.org }),
  },
  'GET /api/reports/summary.docx': orgList('/api/reports/summary.docx', { period: PERIOD }),
  'GET /api/reports/summary/print': orgList('/api/reports/summary/print', { period: PERIOD }),
  'GET /api/reports/summaries': orgList('/api/reports/summaries'),
  'POST /api/reports/summaries': createIn('/api/reports/summaries', (org) => ({
    period: PERIOD,
    org,
    content: generatedContent,
  })),
  'GET /api/reports/summaries/:id': getOne('/api/reports/summaries', 'summary'),
  'PATCH /api/reports/summaries/:id': {
    ...patchOne('/api/reports/summaries', 'summary', undefined),
    req: (t) => ({ method: 'PATCH', url: `/api/reports/summaries/${t.id}`, payload: { content: generatedContent } }),
  },
  'POST /api/reports/summaries/:id/finalize': {
    kind: 'object',
    ok: 200,
    obj: 'summary',
    fresh: true,
    req: (t) => ({ method: 'POST', url: `/api/reports/summaries/${t.id}/finalize` }),
  },
  'DELETE /api/reports/summaries/:id': deleteOne('/api/reports/summaries', 'summary'),
  'GET /api/reports/summaries/:id/docx': getOne('/api/reports/summaries', 'summary', '/docx'),
  'GET /api/reports/summaries/:id/print': getOne('/api/reports/summaries', 'summary', '/print'),
  // 报送 (ADR 047): a branch's FINAL report to the street above it; the lists by org.
  'POST /api/reports/summaries/:id/submit': {
    kind: 'object',
    ok: 201,
    obj: 'finalReport',
    fresh: true,
    req: (t) => post(`/api/reports/summaries/${t.id}/submit`, { sentOn: '2026-11-02', docNumber: '甲〔2026〕1号' }),
  },
  'GET /api/report-submissions': orgList('/api/report-submissions'),

  // 党工委 meetings (ADR 046): held by a committee, never a branch. Own: a meeting of the fixture
  // street (secretary A does not reach it, the 区 does); other: one of the sibling street. The
  // create names the fixture street; a fresh meeting for every cell.
  'GET /api/committee-meetings': orgList('/api/committee-meetings'),
  'POST /api/committee-meetings': {
    kind: 'global',
    ok: 201,
    inStreet: true,
    req: () =>
      post('/api/committee-meetings', {
        orgId: fx.streetId,
        kind: 'SPECIAL_STUDY',
        title: '矩阵专题研究',
        heldAt: PAST,
        chair: '书记',
        attendees: [{ name: '委员', observer: false }],
        agenda: ['研究意识形态工作'],
      }),
  },
  'GET /api/committee-meetings/:id': meetingEntry(200, (t) => ({
    method: 'GET',
    url: `/api/committee-meetings/${t.id}`,
  })),
  'PATCH /api/committee-meetings/:id': meetingEntry(200, (t) => ({
    method: 'PATCH',
    url: `/api/committee-meetings/${t.id}`,
    payload: { venue: '三楼会议室' },
  })),
  'DELETE /api/committee-meetings/:id': meetingEntry(200, (t) => ({
    method: 'DELETE',
    url: `/api/committee-meetings/${t.id}`,
  })),

  // 考核细则 (ADR 040): read by everyone inside or above the issuing org, written by leadership
  // of an org that reaches it. Own: a scheme of the fixture street for its branches (secretary A
  // reads it, the sibling street does not); other: one of the sibling street (the 区 reaches it,
  // the fixture street does not). A fresh draft for every cell.
  'GET /api/assessment-schemes': orgList('/api/assessment-schemes'),
  'POST /api/assessment-schemes': {
    kind: 'global',
    ok: 201,
    inStreet: true,
    req: () =>
      post('/api/assessment-schemes', {
        org: fx.streetId,
        level: 'BRANCH',
        period: PERIOD,
        name: '矩阵细则',
        total: 100,
        categories: starterSchemeCategories(PERIOD),
      }),
  },
  'POST /api/assessment-schemes/starter': {
    kind: 'global',
    ok: 201,
    inDistrict: true,
    req: () => post('/api/assessment-schemes/starter', { org: lv.districtId, period: PERIOD }),
  },
  'GET /api/assessment-schemes/:id': schemeEntry(200, (t) => ({
    method: 'GET',
    url: `/api/assessment-schemes/${t.id}`,
  })),
  'PATCH /api/assessment-schemes/:id': schemeEntry(200, (t) => ({
    method: 'PATCH',
    url: `/api/assessment-schemes/${t.id}`,
    payload: { name: '改名' },
  })),
  'DELETE /api/assessment-schemes/:id': schemeEntry(200, (t) => ({
    method: 'DELETE',
    url: `/api/assessment-schemes/${t.id}`,
  })),
  'POST /api/assessment-schemes/:id/copy': schemeEntry(201, (t) => post(`/api/assessment-schemes/${t.id}/copy`, {})),
  'POST /api/assessment-schemes/:id/use': schemeEntry(200, (t) =>
    post(`/api/assessment-schemes/${t.id}/use`, undefined),
  ),
  // 细则 as xlsx (ADR 043): the export reads like the scheme; the import makes a draft of the 区.
  'GET /api/assessment-schemes/:id/xlsx': schemeEntry(200, (t) => ({
    method: 'GET',
    url: `/api/assessment-schemes/${t.id}/xlsx`,
  })),
  'POST /api/assessment-schemes/import': {
    kind: 'global',
    ok: 201,
    inDistrict: true,
    req: () => {
      const body = multipart(
        {},
        {
          name: 'file',
          fileName: `细则-${next()}.xlsx`,
          contentType: 'application/octet-stream',
          bytes: schemeXlsxFile,
        },
      );
      return {
        method: 'POST',
        url: q('/api/assessment-schemes/import', { org: lv.districtId, period: PERIOD }),
        payload: body.payload,
        headers: { 'content-type': body.contentType },
      };
    },
  },
  // Own: branch A scored by the street's scheme; other: the sibling street's branch by its scheme.
  'GET /api/assessment-schemes/:id/proposals': schemeEntry(200, (t) => ({
    method: 'GET',
    url: q(`/api/assessment-schemes/${t.id}/proposals`, { org: t.org === fx.branchBId ? lv.branchCId : t.org }),
  })),

  // 考核任务 (ADR 041). Campaigns: own is one of the fixture street for its branches, other one of
  // the sibling street (read like schemes). Returns: own is the fixture street's return in a
  // campaign of the 区, other the sibling street's; read by the 区 and inside the unit, written
  // by the unit's own leader (自评) or the 区 (复核, steps). A fresh return in the state needed.
  'GET /api/assessment-campaigns': orgList('/api/assessment-campaigns'),
  'POST /api/assessment-campaigns': {
    kind: 'global',
    ok: 201,
    inDistrict: true,
    req: async () =>
      post('/api/assessment-campaigns', {
        scheme: await districtScheme(),
        selfDueOn: '2026-12-31',
        reviewDueOn: '2027-01-15',
      }),
  },
  'GET /api/assessment-campaigns/:id': {
    kind: 'object',
    ok: 200,
    target: campaignOf,
    reach: (r, c) => (c === 'own' ? r.A : r.street2),
    req: (t) => ({ method: 'GET', url: `/api/assessment-campaigns/${t.id}` }),
  },
  'GET /api/assessment-returns/:id': returnEntry('NOT_STARTED', undefined, (t) => ({
    method: 'GET',
    url: `/api/assessment-returns/${t.id}`,
  })),
  // The 自评 picker: read by those who reach the unit (secretary A reads the return, not the picker).
  'GET /api/assessment-returns/:id/items/:key/evidence': returnEntry(
    'NOT_STARTED',
    (r, c) => (c === 'own' ? r.street : r.street2),
    (t) => ({ method: 'GET', url: `/api/assessment-returns/${t.id}/items/k1/evidence` }),
  ),
  'PUT /api/assessment-returns/:id/self': returnEntry(
    'NOT_STARTED',
    (r, c) => (c === 'own' ? r.atStreet : r.atStreet2),
    (t) => ({ method: 'PUT', url: `/api/assessment-returns/${t.id}/self`, payload: { items: [] } }),
  ),
  'PUT /api/assessment-returns/:id/review': returnEntry(
    'SUBMITTED',
    (r) => r.district,
    (t) => ({ method: 'PUT', url: `/api/assessment-returns/${t.id}/review`, payload: { items: [] } }),
  ),
  // The steps route admits every reader; the service checks the step's own action (退回: review).
  'POST /api/assessment-returns/:id/steps': {
    ...returnEntry(
      'SUBMITTED',
      (r) => r.district,
      (t) => post(`/api/assessment-returns/${t.id}/steps`, { to: 'RETURNED', reason: '请补充' }),
    ),
    serviceAction: 'assessment:review',
  },

  // 考核结果 (ADR 042): read like the campaign (results, xlsx) and the return (scorecard); the
  // 通报 is the issuer's: a reader inside the unit gets 403 (a campaign with a confirmed return).
  'GET /api/assessment-campaigns/:id/results': {
    kind: 'object',
    ok: 200,
    target: campaignOf,
    reach: (r, c) => (c === 'own' ? r.A : r.street2),
    req: (t) => ({ method: 'GET', url: `/api/assessment-campaigns/${t.id}/results` }),
  },
  'GET /api/assessment-campaigns/:id/results.xlsx': {
    kind: 'object',
    ok: 200,
    target: campaignOf,
    reach: (r, c) => (c === 'own' ? r.A : r.street2),
    req: (t) => ({ method: 'GET', url: `/api/assessment-campaigns/${t.id}/results.xlsx` }),
  },
  'GET /api/assessment-campaigns/:id/notice.docx': {
    kind: 'object',
    ok: 200,
    target: confirmedCampaignOf,
    reach: (r, c) => (c === 'own' ? r.A : r.street2),
    side: (r, c) => (c === 'own' ? r.street : r.street2),
    req: (t) => ({ method: 'GET', url: `/api/assessment-campaigns/${t.id}/notice.docx` }),
  },
  'GET /api/assessment-returns/:id/scorecard': returnEntry('NOT_STARTED', undefined, (t) => ({
    method: 'GET',
    url: `/api/assessment-returns/${t.id}/scorecard`,
  })),

  // Imports: open to every signed-in user; the service checks the kind's create permission
  // (activities: activity:write). A job is its requester's only, whatever the role's reach.
  'GET /api/imports/templates/:kind': {
    kind: 'global',
    ok: 200,
    serviceAction: 'activity:write',
    req: () => ({ method: 'GET', url: '/api/imports/templates/activities' }),
  },
  'POST /api/imports': {
    kind: 'global',
    ok: 202,
    serviceAction: 'activity:write',
    req: () => {
      const body = multipart(
        {},
        {
          name: 'file',
          fileName: `import-${next()}.xlsx`,
          contentType: 'application/octet-stream',
          bytes: xlsxFile,
        },
      );
      return {
        method: 'POST',
        url: '/api/imports?kind=activities',
        payload: body.payload,
        headers: { 'content-type': body.contentType },
      };
    },
  },
  'GET /api/imports': { kind: 'global', ok: 200, req: () => ({ method: 'GET', url: '/api/imports' }) },
  'GET /api/imports/:id': { ...getOne('/api/imports', 'org'), obj: undefined, requesterOnly: true, target: importJob },
  'GET /api/imports/:id/problems.xlsx': {
    ...getOne('/api/imports', 'org', '/problems.xlsx'),
    obj: undefined,
    requesterOnly: true,
    target: importJob,
  },
  // A committed job answers as it stands (202) to its requester who may import its kind.
  'POST /api/imports/:id/commit': {
    kind: 'object',
    ok: 202,
    requesterOnly: true,
    serviceAction: 'activity:write',
    target: importJob,
    req: (t) => post(`/api/imports/${t.id}/commit`, undefined),
  },
};

/**
 * The permission each route declares, pinned. Expected statuses follow the declared permission, so
 * without this pin a route whose permission were loosened (say DELETE of an alert from
 * alert:assess to alert:register) would pass with the looser expectations; here it fails until
 * the change is made on purpose in this table too.
 */
const DECLARED: Record<string, Action | 'SIGNED_IN' | 'PUBLIC'> = {
  'GET /api/health': 'PUBLIC',
  'POST /api/auth/login': 'PUBLIC',
  'POST /api/auth/logout': 'PUBLIC',
  'GET /api/auth/session': 'PUBLIC',
  'GET /api/auth/sessions': 'SIGNED_IN',
  'DELETE /api/auth/sessions/:id': 'SIGNED_IN',
  'POST /api/auth/sessions/sign-out-others': 'SIGNED_IN',
  'POST /api/auth/password': 'SIGNED_IN',
  'GET /api/me': 'SIGNED_IN',
  'GET /api/orgs': 'org:read',
  'POST /api/orgs': 'org:manage',
  'PATCH /api/orgs/:id': 'org:manage',
  'GET /api/activities': 'activity:read',
  'POST /api/activities': 'activity:write',
  'GET /api/activities/:id': 'activity:read',
  'PATCH /api/activities/:id': 'activity:write',
  'DELETE /api/activities/:id': 'activity:write',
  'GET /api/study-sessions': 'study:read',
  'POST /api/study-sessions': 'study:write',
  'GET /api/study-sessions/:id': 'study:read',
  'PATCH /api/study-sessions/:id': 'study:write',
  'DELETE /api/study-sessions/:id': 'study:write',
  'GET /api/study-sessions/make-ups-owed': 'study:read',
  'POST /api/study-sessions/:id/make-ups': 'study:write',
  'GET /api/publicity': 'publicity:read',
  'POST /api/publicity': 'publicity:write',
  'GET /api/publicity/:id': 'publicity:read',
  'PATCH /api/publicity/:id': 'publicity:write',
  'DELETE /api/publicity/:id': 'publicity:write',
  'GET /api/risk-points': 'riskpoint:read',
  'GET /api/risk-points/checks': 'riskpoint:read',
  'POST /api/risk-points': 'riskpoint:write',
  'GET /api/risk-points/:id': 'riskpoint:read',
  'PATCH /api/risk-points/:id': 'riskpoint:write',
  'DELETE /api/risk-points/:id': 'riskpoint:write',
  'GET /api/risk-points/:id/checks': 'riskpoint:read',
  'POST /api/risk-points/:id/checks': 'riskpoint:write',
  'POST /api/risk-points/:id/updates': 'riskpoint:write',
  'GET /api/accountability': 'accountability:read',
  'POST /api/accountability': 'accountability:write',
  'GET /api/accountability/:id': 'accountability:read',
  'PATCH /api/accountability/:id': 'accountability:write',
  'DELETE /api/accountability/:id': 'accountability:write',
  'GET /api/risk-alerts': 'alert:read',
  'POST /api/risk-alerts': 'alert:register',
  'GET /api/risk-alerts/:id': 'alert:read',
  'PATCH /api/risk-alerts/:id': 'alert:register',
  'DELETE /api/risk-alerts/:id': 'alert:assess',
  'POST /api/risk-alerts/:id/transitions': 'alert:read',
  'POST /api/risk-alerts/:id/corrections': 'alert:correct',
  'GET /api/dashboard': 'dashboard:read',
  'GET /api/dashboard/export': 'dashboard:read',
  'GET /api/users': 'user:manage',
  'POST /api/users': 'user:manage',
  'PATCH /api/users/:id': 'user:manage',
  'GET /api/attachments': 'SIGNED_IN',
  'POST /api/attachments': 'SIGNED_IN',
  'GET /api/attachments/:id/content': 'SIGNED_IN',
  'GET /api/attachments/:id/thumbnail': 'SIGNED_IN',
  'DELETE /api/attachments/:id': 'SIGNED_IN',
  'GET /api/history': 'SIGNED_IN',
  'GET /api/rectifications': 'rectification:read',
  'POST /api/rectifications': 'rectification:write',
  'GET /api/rectifications/:id': 'rectification:read',
  'PATCH /api/rectifications/:id': 'rectification:write',
  'POST /api/rectifications/:id/close': 'rectification:write',
  'DELETE /api/rectifications/:id': 'rectification:write',
  'GET /api/notifications': 'SIGNED_IN',
  'GET /api/periods': 'target:read',
  'GET /api/targets': 'target:read',
  'PUT /api/targets': 'plan:manage',
  'DELETE /api/targets/:id': 'plan:manage',
  'GET /api/target-rules': 'target:read',
  'POST /api/target-rules': 'plan:manage',
  'PATCH /api/target-rules/:id': 'plan:manage',
  'DELETE /api/target-rules/:id': 'plan:manage',
  'GET /api/duties/calendar': 'duty:read',
  'GET /api/duty-rules': 'duty:read',
  'POST /api/duty-rules': 'plan:manage',
  'PATCH /api/duty-rules/:id': 'plan:manage',
  'DELETE /api/duty-rules/:id': 'plan:manage',
  'GET /api/event-approval-rules': 'event:read',
  'PUT /api/event-approval-rules': 'plan:manage',
  'GET /api/event-approvals': 'event:read',
  'POST /api/event-approvals': 'event:write',
  'GET /api/event-approvals/:id': 'event:read',
  'PATCH /api/event-approvals/:id': 'event:write',
  'DELETE /api/event-approvals/:id': 'event:write',
  'POST /api/event-approvals/:id/submit': 'event:write',
  'POST /api/event-approvals/:id/decisions': 'event:approve',
  'POST /api/event-approvals/:id/held': 'event:write',
  'GET /api/assignments': 'assignment:read',
  'GET /api/assignments/owners': 'plan:manage',
  'POST /api/assignments': 'plan:manage',
  'GET /api/assignments/:id': 'assignment:read',
  'PATCH /api/assignments/:id': 'plan:manage',
  'DELETE /api/assignments/:id': 'plan:manage',
  'POST /api/assignments/:id/close': 'assignment:read',
  'POST /api/evidence-packs': 'dashboard:read',
  'GET /api/evidence-packs': 'dashboard:read',
  'GET /api/evidence-packs/:id': 'dashboard:read',
  'GET /api/evidence-packs/:id/file': 'dashboard:read',
  'GET /api/exports/activities': 'activity:read',
  'GET /api/exports/study-sessions': 'study:read',
  'GET /api/exports/publicity': 'publicity:read',
  'GET /api/exports/risk-points': 'riskpoint:read',
  'GET /api/exports/risk-point-checks': 'riskpoint:read',
  'GET /api/exports/risk-alerts': 'alert:read',
  'GET /api/exports/rectifications': 'rectification:read',
  'GET /api/exports/assignments': 'assignment:read',
  'GET /api/exports/oplog': 'oplog:read',
  'GET /api/audit/verify': 'audit:read',
  'GET /api/oplog': 'oplog:read',
  'GET /api/oplog/actors': 'oplog:read',
  'GET /api/imports/templates/:kind': 'SIGNED_IN',
  'POST /api/imports': 'SIGNED_IN',
  'GET /api/imports': 'SIGNED_IN',
  'GET /api/imports/:id': 'SIGNED_IN',
  'GET /api/imports/:id/problems.xlsx': 'SIGNED_IN',
  'POST /api/imports/:id/commit': 'SIGNED_IN',
  'POST /api/reports/summary': 'dashboard:read',
  'GET /api/reports/summary.docx': 'dashboard:read',
  'GET /api/reports/summary/print': 'dashboard:read',
  'GET /api/reports/summaries': 'dashboard:read',
  'POST /api/reports/summaries': 'report:write',
  'GET /api/reports/summaries/:id': 'dashboard:read',
  'PATCH /api/reports/summaries/:id': 'report:write',
  'POST /api/reports/summaries/:id/finalize': 'report:write',
  'DELETE /api/reports/summaries/:id': 'report:write',
  'GET /api/reports/summaries/:id/docx': 'dashboard:read',
  'GET /api/reports/summaries/:id/print': 'dashboard:read',
  'POST /api/reports/summaries/:id/submit': 'report:write',
  'GET /api/report-submissions': 'dashboard:read',
  'GET /api/assessment-schemes': 'assessment:read',
  'POST /api/assessment-schemes': 'assessment:manage',
  'POST /api/assessment-schemes/starter': 'assessment:manage',
  'GET /api/assessment-schemes/:id': 'assessment:read',
  'PATCH /api/assessment-schemes/:id': 'assessment:manage',
  'DELETE /api/assessment-schemes/:id': 'assessment:manage',
  'POST /api/assessment-schemes/:id/copy': 'assessment:manage',
  'POST /api/assessment-schemes/:id/use': 'assessment:manage',
  'GET /api/assessment-schemes/:id/proposals': 'assessment:read',
  'GET /api/assessment-schemes/:id/xlsx': 'assessment:read',
  'POST /api/assessment-schemes/import': 'assessment:manage',
  'GET /api/assessment-campaigns': 'assessment:read',
  'POST /api/assessment-campaigns': 'assessment:review',
  'GET /api/assessment-campaigns/:id': 'assessment:read',
  'GET /api/assessment-returns/:id': 'assessment:read',
  'GET /api/assessment-returns/:id/items/:key/evidence': 'assessment:read',
  'PUT /api/assessment-returns/:id/self': 'assessment:self',
  'PUT /api/assessment-returns/:id/review': 'assessment:review',
  'POST /api/assessment-returns/:id/steps': 'assessment:read',
  'GET /api/assessment-campaigns/:id/results': 'assessment:read',
  'GET /api/assessment-campaigns/:id/results.xlsx': 'assessment:read',
  'GET /api/assessment-campaigns/:id/notice.docx': 'assessment:read',
  'GET /api/assessment-returns/:id/scorecard': 'assessment:read',
  'GET /api/committee-meetings': 'meeting:read',
  'POST /api/committee-meetings': 'meeting:write',
  'GET /api/committee-meetings/:id': 'meeting:read',
  'PATCH /api/committee-meetings/:id': 'meeting:write',
  'DELETE /api/committee-meetings/:id': 'meeting:write',
};

/** A new 党工委 meeting of the fixture street (own) or the sibling street (other). */
async function meetingOf(_who: Who, c: 'own' | 'other'): Promise<string> {
  const row = await ctx.prisma.committeeMeeting.create({
    data: {
      orgId: c === 'own' ? fx.streetId : lv.street2Id,
      kind: 'SPECIAL_STUDY',
      title: `矩阵专题研究${next()}`,
      heldAt: new Date(PAST),
      chair: '书记',
      attendees: [{ name: '委员', observer: false }],
      agenda: ['研究意识形态工作'],
    },
  });
  return row.id;
}

function meetingEntry(ok: number, req: Entry['req']): Entry {
  return { kind: 'object', ok, target: meetingOf, reach: (r, c) => (c === 'own' ? r.street : r.street2), req };
}

/** A new draft 细则 for branches, issued by the fixture street (own) or the sibling street (other). */
async function schemeOf(_who: Who, c: 'own' | 'other'): Promise<string> {
  const row = await ctx.prisma.assessmentScheme.create({
    data: {
      orgId: c === 'own' ? fx.streetId : lv.street2Id,
      level: 'BRANCH',
      periodCode: PERIOD,
      name: `矩阵细则${next()}`,
      number: next(),
      total: 100,
      categories: starterSchemeCategories(PERIOD) as object[],
    },
  });
  return row.id;
}

function schemeEntry(ok: number, req: Entry['req']): Entry {
  return { kind: 'object', ok, target: schemeOf, reach: (r, c) => (c === 'own' ? r.A : r.street2), req };
}

/** The starter tree with a key on every item (a return's items name them). */
const keyedStarter = () => {
  let n = 0;
  return starterSchemeCategories(PERIOD).map((cat) => ({
    ...cat,
    items: cat.items.map((i) => ({ ...i, key: `k${++n}` })),
  }));
};

/** A campaign of the fixture street (own) or the sibling street (other) for their branches. */
async function campaignOf(who: Who, c: 'own' | 'other'): Promise<string> {
  const schemeId = await schemeOf(who, c);
  const row = await ctx.prisma.assessmentCampaign.create({
    data: {
      orgId: c === 'own' ? fx.streetId : lv.street2Id,
      schemeId,
      periodCode: PERIOD,
      name: `矩阵考核${next()}`,
      selfDueOn: '2026-12-31',
      reviewDueOn: '2027-01-15',
    },
  });
  return row.id;
}

/** A campaign of the fixture street (own) or the sibling street (other) with one confirmed return of a branch. */
async function confirmedCampaignOf(_who: Who, c: 'own' | 'other'): Promise<string> {
  const orgId = c === 'own' ? fx.streetId : lv.street2Id;
  const scheme = await ctx.prisma.assessmentScheme.create({
    data: {
      orgId,
      level: 'BRANCH',
      periodCode: PERIOD,
      name: `矩阵细则${next()}`,
      number: next(),
      state: 'IN_USE',
      total: 100,
      categories: keyedStarter() as object[],
    },
  });
  const { id } = await ctx.prisma.assessmentCampaign.create({
    data: {
      orgId,
      schemeId: scheme.id,
      periodCode: PERIOD,
      name: `矩阵考核${next()}`,
      selfDueOn: '2026-12-31',
      reviewDueOn: '2027-01-15',
    },
  });
  const items = keyedStarter()
    .flatMap((cat) => cat.items)
    .map((i) => ({
      key: i.key,
      proposed: null,
      done: null,
      selfScore: i.points,
      selfNote: '自评',
      records: [],
      attachments: [],
      decision: 'AGREE',
      reviewScore: null,
      reviewReason: '',
    }));
  await ctx.prisma.assessmentReturn.create({
    data: {
      campaignId: id,
      orgId: c === 'own' ? fx.branchAId : lv.branchCId,
      state: 'CONFIRMED',
      selfTotal: scheme.total,
      finalTotal: scheme.total,
      items,
    },
  });
  return id;
}

let districtSchemeId: Promise<string> | undefined;
/** One scheme of the 区 for its 街道, in use (campaigns may be opened on it again and again). */
function districtScheme(): Promise<string> {
  districtSchemeId ??= ctx.prisma.assessmentScheme
    .create({
      data: {
        orgId: lv.districtId,
        level: 'STREET',
        periodCode: PERIOD,
        name: '矩阵区细则',
        number: next(),
        state: 'IN_USE',
        total: 100,
        categories: keyedStarter() as object[],
      },
    })
    .then((r) => r.id);
  return districtSchemeId;
}

/** A fresh return of the fixture street (own) or the sibling street (other) in a 区 campaign. */
function returnIn(state: 'NOT_STARTED' | 'SUBMITTED') {
  return async (_who: Who, c: 'own' | 'other'): Promise<string> => {
    const campaign = await ctx.prisma.assessmentCampaign.create({
      data: {
        orgId: lv.districtId,
        schemeId: await districtScheme(),
        periodCode: PERIOD,
        name: `矩阵区考核${next()}`,
        selfDueOn: '2026-12-31',
        reviewDueOn: '2027-01-15',
      },
    });
    const items = keyedStarter()
      .flatMap((cat) => cat.items)
      .map((i) => ({
        key: i.key,
        proposed: null,
        done: null,
        selfScore: i.points,
        selfNote: '自评',
        records: [],
        attachments: [],
        decision: null,
        reviewScore: null,
        reviewReason: '',
      }));
    const row = await ctx.prisma.assessmentReturn.create({
      data: { campaignId: campaign.id, orgId: c === 'own' ? fx.streetId : lv.street2Id, state, items },
    });
    return row.id;
  };
}

function returnEntry(state: 'NOT_STARTED' | 'SUBMITTED', side: Entry['side'], req: Entry['req']): Entry {
  return {
    kind: 'object',
    ok: 200,
    target: returnIn(state),
    reach: (r, c) => (c === 'own' ? r.street || r.A : r.street2),
    ...(side ? { side } : {}),
    req,
  };
}

/** Import routes aim at the caller's own job (own) or secretary B's (other). */
async function importJob(who: Who, c: 'own' | 'other'): Promise<string> {
  const id = importJobs[c === 'own' ? who : 'secB'];
  if (!id) throw new Error(`no import job of ${who}`);
  return id;
}

/** A session's id is the SHA-256 of its cookie's token. */
function sessionIdOf(cookie: string): string {
  return createHash('sha256')
    .update(cookie.slice(cookie.indexOf('=') + 1))
    .digest('hex');
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  ctx = await createTestContext();
  // A second app on the same database, built with an onRoute hook: the route table as registered.
  app = await buildApp({
    config: ctx.config,
    prisma: ctx.prisma,
    onRoute: (route: RouteOptions) => {
      // The OpenAPI document and viewer (/api/docs) describe the API, not its data: the auth hook
      // exempts them by design. Outside /api/ are only the web app's static files.
      if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
      for (const method of [route.method].flat()) {
        // HEAD routes are Fastify's automatic twins of GET routes (same handler and config).
        if (method === 'HEAD') continue;
        routes.push({
          method,
          url: route.url,
          permission: route.config?.permission,
          isPublic: route.config?.public === true,
        });
      }
    },
  });
  fx = await seedFixture(ctx.prisma);
  lv = await addDistrict(ctx.prisma, fx);
  await ctx.prisma.user.create({
    data: {
      username: 'probe',
      displayName: 'probe',
      role: 'AUDITOR',
      orgId: fx.streetId,
      passwordHash: (await ctx.prisma.user.findUniqueOrThrow({ where: { id: fx.users.auditor } })).passwordHash,
    },
  });
  for (const who of [...WHO.filter((w) => w !== 'anon'), 'secB'] as const) cookies[who] = await login(app, who);
  // What each caller reaches, read from the tree: its home org's path is a prefix of the org's.
  const pathOf = async (id: string) => (await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id } })).path;
  const [pathA, pathB, pathStreet, pathStreet2, pathDistrict] = await Promise.all([
    pathOf(fx.branchAId),
    pathOf(fx.branchBId),
    pathOf(fx.streetId),
    pathOf(lv.street2Id),
    pathOf(lv.districtId),
  ]);
  for (const who of WHO) {
    if (who === 'anon') continue;
    const home = await ctx.prisma.user.findUniqueOrThrow({ where: { username: who }, select: { org: true } });
    const reaches = (path: string) => path.startsWith(home.org.path);
    reachOf[who] = {
      A: reaches(pathA),
      B: reaches(pathB),
      street: reaches(pathStreet),
      street2: reaches(pathStreet2),
      district: reaches(pathDistrict),
      atStreet: home.org.id === fx.streetId,
      atStreet2: home.org.id === lv.street2Id,
    };
  }

  png = await sharp({ create: { width: 16, height: 12, channels: 3, background: { r: 200, g: 90, b: 40 } } })
    .png()
    .toBuffer();
  const book = new ExcelJS.Workbook();
  book.addWorksheet('数据').addRow(['活动名称']);
  xlsxFile = Buffer.from(await book.xlsx.writeBuffer());
  const schemeBook = new ExcelJS.Workbook();
  const schemeSheet = schemeBook.addWorksheet('细则');
  schemeSheet.addRow(['类别', '考核内容', '分值']);
  schemeSheet.addRow(['学习', '中心组学习', 100]);
  schemeXlsxFile = Buffer.from(await schemeBook.xlsx.writeBuffer());

  const generated = await created('leader', post('/api/reports/summary', { period: PERIOD, org: fx.branchAId }), 200);
  generatedContent = generated.content;

  // One of each record kind in branch A and in branch B.
  for (const kind of Object.keys(make) as ObjKind[]) {
    const [A, B] = await Promise.all([make[kind]('A'), make[kind]('B')]);
    objs[kind] = { A, B };
  }
  // A risk-point check in each branch (the checks list and export have something to show).
  for (const side of ['A', 'B'] as const) {
    await created(
      secOf(side),
      post(`/api/risk-points/${objs.riskPoint[side]}/checks`, { checkedAt: PAST, result: 'NORMAL', note: mark(side) }),
    );
  }
  // An import job per requester, already committed (no file needed to answer it).
  for (const who of [...WHO.filter((w) => w !== 'anon'), 'secB'] as const) {
    const user = await ctx.prisma.user.findUniqueOrThrow({ where: { username: who } });
    const job = await ctx.prisma.importJob.create({
      data: {
        kind: 'activities',
        fileName: `${who}.xlsx`,
        fileSha256: randomUUID().replaceAll('-', '').padEnd(64, '0'),
        state: 'COMMITTED',
        requestedById: user.id,
      },
    });
    importJobs[who] = job.id;
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

/** Branch B's ids and marker: none of them may appear in a secretary of A's successful answer. */
function leakMarkers(): string[] {
  const ids = Object.values(objs).map((o) => o.B);
  return [B_MARK, fx.branchBId, ...ids, importJobs.secB as string];
}

/**
 * What a caller of the sibling street must never be answered: both branches' records and ids, the
 * fixture street, its users and the 区's accounts (a street reaches down, never up or sideways).
 */
function outsiderMarkers(): string[] {
  const ids = Object.values(objs).flatMap((o) => [o.A, o.B]);
  const users = [...Object.values(fx.users), lv.users.dLeader, lv.users.dReviewer, lv.users.dAdmin];
  // (The 区's id is not here: it is the sibling street's own parentId.)
  return [...leakMarkers(), ...ids, fx.branchAId, fx.streetId, ...users];
}

/**
 * Cells run side by side, this many at a time: ten callers × three cases at once would queue
 * for the pool's connections and time out as "database down" on 2 cores.
 */
const CELLS_AT_ONCE = 10;

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

const isText = (type: string | undefined) => /json|csv|html|text/.test(type ?? '');

let checks = 0;
const cellsPerRoute = new Map<string, number>();

describe('permission matrix', () => {
  it('has an entry for every route the app registers, and no entry for a route that is gone', () => {
    const keys = new Set(routes.map((r) => `${r.method} ${r.url}`));
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys]
      .filter((k) => !(k in ENTRIES))
      .map((k) => `new route ${k} has no permission-matrix entry`);
    const stale = Object.keys(ENTRIES)
      .filter((k) => !keys.has(k))
      .map((k) => `permission-matrix entry ${k} names no route`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it('every route declares the permission pinned in DECLARED', () => {
    const wrong = routes
      .map((r) => ({ key: `${r.method} ${r.url}`, declared: r.isPublic ? 'PUBLIC' : r.permission }))
      .filter(({ key, declared }) => DECLARED[key] !== declared)
      .map(({ key, declared }) => `${key} declares ${declared}, the matrix pins ${DECLARED[key]}`);
    expect(wrong).toEqual([]);
    expect(Object.keys(DECLARED).sort()).toEqual(Object.keys(ENTRIES).sort());
  });

  it('declares public exactly on the entries the matrix treats as public', () => {
    const wrong = routes
      .filter((r) => r.isPublic !== (ENTRIES[`${r.method} ${r.url}`]?.kind === 'public'))
      .map((r) => `${r.method} ${r.url}`);
    expect(wrong).toEqual([]);
  });

  for (const [key, entry] of Object.entries(ENTRIES)) {
    it(`${key}: every role × ${CASES[entry.kind].join('/')} answers what the permission table says`, async () => {
      const route = routes.find((r) => `${r.method} ${r.url}` === key);
      if (!route) throw new Error(`no route ${key} (see the coverage test)`);
      const mismatches: string[] = [];
      // The cells of a route are independent (a write expected to succeed gets its own record),
      // so they run side by side: the whole matrix stays well under a minute on 2 cores.
      const cells = WHO.flatMap((who) => CASES[entry.kind].map((c) => ({ who, c })));
      await inBatches(
        cells,
        // A target or a rule is one per org, metric and period: fresh ones for two cells would be
        // the same row, so those cells take turns.
        entry.obj === 'target' || entry.obj === 'rule' ? 1 : CELLS_AT_ONCE,
        async ({ who, c }) => {
          const want = expectedStatus(route, entry, ROLE[who], c, reachOf[who]);
          const side: Side = c === 'other' ? 'B' : 'A';
          let id = key.includes('/sessions/:id') ? randomBytes(32).toString('hex') : randomUUID();
          if (entry.target) {
            if (c !== 'missing' && who !== 'anon') id = await entry.target(who, c);
          } else if (entry.obj && c !== 'missing') {
            // A write expected to succeed changes its record: give it a fresh one.
            id = entry.fresh && want < 300 ? await make[entry.obj](side) : objs[entry.obj][side];
          }
          const org = c === 'missing' ? randomUUID() : side === 'A' ? fx.branchAId : fx.branchBId;
          const req = await entry.req({ who, org, id });
          const res = await send(who, req);
          const where = `${who} ${c}`;
          if (res.statusCode !== want) {
            mismatches.push(`${where}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
            return;
          }
          if (res.statusCode >= 400) {
            const body = res.json();
            if (typeof body?.error?.code !== 'string')
              mismatches.push(`${where}: ${res.statusCode} not in the error shape`);
          } else if (who === 'secA' && isText(res.headers['content-type'] as string | undefined)) {
            const leaked = leakMarkers().filter((m) => res.body.includes(m));
            if (leaked.length > 0) mismatches.push(`${where}: answer contains branch B's ${leaked.join(', ')}`);
          } else if (
            OUTSIDERS.includes(who) &&
            entry.kind !== 'public' &&
            isText(res.headers['content-type'] as string | undefined)
          ) {
            const leaked = outsiderMarkers().filter((m) => res.body.includes(m));
            if (leaked.length > 0)
              mismatches.push(`${where}: answer contains the other street's or the 区's ${leaked.join(', ')}`);
          }
        },
      );
      checks += cells.length;
      cellsPerRoute.set(key, cells.length);
      expect(mismatches.sort()).toEqual([]);
    });
  }

  it('the leak probe would see branch B: the leader asking for branch B is answered its records', async () => {
    for (const url of [
      `/api/activities?org=${fx.branchBId}`,
      `/api/exports/risk-alerts?format=csv&org=${fx.branchBId}`,
      `/api/rectifications?org=${fx.branchBId}`,
      '/api/notifications',
    ]) {
      const res = await send('leader', { method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain(B_MARK);
    }
  });

  afterAll(() => {
    const routeCount = cellsPerRoute.size;
    const three = [...cellsPerRoute.values()].filter((n) => n === WHO.length * 3).length;
    const callers = WHO.map((w) => `${ROLE[w] ?? 'signed out'}@${LEVEL[w]}`).join(', ');
    console.info(
      `permission matrix: ${routeCount} routes × ${WHO.length} callers (roles × levels: ${callers}) — ` +
        `${three} routes × 3 cases (own, other branch, nonexistent) + ${routeCount - three} routes × 1 case ` +
        `= ${checks} checks`,
    );
  });
});
