// 考核任务 (issue 18 part 2, ADR 041): the issuing org opens a campaign on its scheme for its
// units; each unit's return goes through the steps declared in contracts/assessment-campaigns.ts.
// Who: the unit's own leader writes and submits its 自评 (its home org is the unit); the issuer's
// reviewer or leader reviews and returns; the issuer's leader confirms. Reach: a campaign is read
// by the issuer's subtree and above; a return by those who reach the issuer and by the unit's own
// subtree (a secretary reads her street's return); anyone else is answered 404. Every change is
// audited in its transaction with before/after and names the row version (If-Match → 412); a
// confirmed return is locked (409).
import {
  type AssessmentReturn,
  type Campaign,
  type CampaignListItem,
  type CountedRecords,
  canStep,
  DRILL_RECORDS_MAX,
  finalScoreOf,
  type ItemDrift,
  type ItemEvidence,
  type ItemGap,
  type ListCampaignsQuerySchema,
  type OpenCampaignInput,
  RETURN_STEP_ACTION,
  RETURN_STEP_PARTY,
  type RecordLink,
  type ReturnItem,
  ReturnItemSchema,
  type ReturnState,
  type ReturnStep,
  type ReturnStepInput,
  type ReturnSummary,
  recordsDiff,
  returnStepsOf,
  reviewGaps,
  type SaveReviewInput,
  type SaveSelfInput,
  selfGaps,
} from '@dutyboard/contracts/assessment-campaigns';
import { type ItemProposal, type SchemeLevel, schemeTotal } from '@dutyboard/contracts/assessments';
import type { EntityType } from '@dutyboard/contracts/attachments';
import { orgLevelOf } from '@dutyboard/contracts/orgs';
import { periodFromCode } from '@dutyboard/contracts/periods';
import { can } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { AppError, forbidden, notFound, validationError } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg, reachesOrg } from '../orgs/scope.ts';
import { assertWritten, checkVersion } from '../records/versioning.ts';
import { drillRecords } from './drill-records.ts';
import { schemeProposals } from './proposals.ts';
import { loadScheme, readsIssuer, type SchemeRow, storedCategories, useScheme } from './schemes.ts';
import { returnWorkload } from './workload.ts';

type Db = PrismaClient | Prisma.TransactionClient;

interface Org {
  id: string;
  name: string;
  path: string;
  kind: Parameters<typeof orgLevelOf>[0];
}

const ORG_SELECT = { id: true, name: true, path: true, kind: true } as const;

type CampaignRow = NonNullable<Awaited<ReturnType<PrismaClient['assessmentCampaign']['findUnique']>>>;
type ReturnRow = NonNullable<Awaited<ReturnType<PrismaClient['assessmentReturn']['findUnique']>>>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function itemsOf(row: ReturnRow): ReturnItem[] {
  return ReturnItemSchema.array().parse(row.items);
}

/** The scheme's items in order, with their category. */
export function schemeItems(scheme: Pick<SchemeRow, 'categories'>) {
  return storedCategories(scheme.categories).flatMap((c) =>
    c.items.map((i) => ({ ...i, key: i.key ?? '', category: c.title, manual: i.rule.type === 'MANUAL' })),
  );
}

/** Whether the caller is on the issuer's side (reaches it) or the unit's (its home org is the unit). */
export const issuerSide = (user: AuthUser, issuer: Org) => reachesOrg(user, issuer);
const unitSide = (user: AuthUser, unitId: string) => user.orgId === unitId;

function summaryOf(row: ReturnRow, orgName: string): ReturnSummary {
  return {
    id: row.id,
    version: row.version,
    campaignId: row.campaignId,
    orgId: row.orgId,
    orgName,
    state: row.state,
    selfTotal: row.selfTotal,
    finalTotal: row.finalTotal,
    returnReason: row.returnReason,
    submittedAt: iso(row.submittedAt),
    reviewedAt: iso(row.reviewedAt),
    confirmedAt: iso(row.confirmedAt),
  };
}

function campaignOf(row: CampaignRow, issuer: Org, level: string, returns: ReturnSummary[]): Campaign {
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: issuer.name,
    schemeId: row.schemeId,
    level: level as SchemeLevel,
    periodCode: row.periodCode,
    name: row.name,
    state: row.state,
    selfDueOn: row.selfDueOn,
    reviewDueOn: row.reviewDueOn,
    createdAt: row.createdAt.toISOString(),
    returns,
  };
}

// ---------------------------------------------------------------------------------------------
// Opening

/**
 * Opens a campaign on a scheme of an org the caller manages: the units are the orgs of the
 * scheme's level below the issuer (all of them, or those named). A draft scheme is put in use by
 * the same step as POST …/use, so it cannot change under the campaign. Each unit gets a return
 * NOT_STARTED whose items are the scheme's keys, empty.
 */
export async function openCampaign(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  input: OpenCampaignInput,
): Promise<Campaign> {
  const { row: scheme0, org: issuer } = await loadScheme(tx, user, input.scheme);
  if (!reachesOrg(user, issuer)) throw forbidden({ key: 'auth.outOfReach' });
  const scheme = scheme0.state === 'DRAFT' ? { ...scheme0, state: 'IN_USE' as const } : scheme0;
  if (scheme0.state === 'DRAFT') await useScheme(tx, user, scheme0.id, undefined);
  const below = await tx.orgUnit.findMany({
    where: { path: { startsWith: issuer.path }, NOT: { id: issuer.id } },
    select: ORG_SELECT,
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  const scored = below.filter((o) => orgLevelOf(o.kind) === scheme.level);
  const units = input.units ? scored.filter((o) => input.units?.includes(o.id)) : scored;
  if (units.length === 0 || (input.units && units.length !== new Set(input.units).size)) {
    throw new AppError('VALIDATION_FAILED', { key: 'campaign.noUnits' });
  }
  const row = await tx.assessmentCampaign.create({
    data: {
      orgId: issuer.id,
      schemeId: scheme.id,
      periodCode: scheme.periodCode,
      name: input.name ?? scheme.name,
      selfDueOn: input.selfDueOn,
      reviewDueOn: input.reviewDueOn,
      createdById: user.id,
    },
  });
  const empty = schemeItems(scheme).map(
    (i): ReturnItem => ({
      key: i.key,
      proposed: null,
      done: null,
      selfScore: null,
      selfNote: '',
      records: [],
      attachments: [],
      decision: null,
      reviewScore: null,
      reviewReason: '',
      counted: null,
    }),
  );
  await tx.assessmentReturn.createMany({
    data: units.map((u) => ({
      campaignId: row.id,
      orgId: u.id,
      items: empty as unknown as Prisma.InputJsonValue,
      updatedById: user.id,
    })),
  });
  const returns = await tx.assessmentReturn.findMany({ where: { campaignId: row.id } });
  const names = new Map(units.map((u) => [u.id, u.name]));
  await recordAudit(tx, {
    actorId: user.id,
    action: 'CREATE',
    entityType: 'AssessmentCampaign',
    entityId: row.id,
    orgId: issuer.id,
    after: { ...row, units: units.map((u) => u.id) },
  });
  for (const r of returns) {
    await recordAudit(tx, {
      actorId: user.id,
      action: 'CREATE',
      entityType: 'AssessmentReturn',
      entityId: r.id,
      orgId: r.orgId,
      after: { ...r },
    });
  }
  return campaignOf(
    row,
    issuer,
    scheme.level,
    returns.map((r) => summaryOf(r, names.get(r.orgId) ?? '')),
  );
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function loadCampaign(db: Db, user: AuthUser, id: string) {
  const row = await db.assessmentCampaign.findUnique({ where: { id } });
  if (!row) throw notFound('AssessmentCampaign');
  const issuer = await db.orgUnit.findUnique({ where: { id: row.orgId }, select: ORG_SELECT });
  if (!issuer || !readsIssuer(user, issuer)) throw notFound('AssessmentCampaign');
  return { row, issuer };
}

/** A campaign with the returns the caller may read: all on the issuer's side, else those of its own subtree. */
export async function getCampaign(prisma: PrismaClient, user: AuthUser, id: string): Promise<Campaign> {
  const { row, issuer } = await loadCampaign(prisma, user, id);
  const scheme = await prisma.assessmentScheme.findUniqueOrThrow({ where: { id: row.schemeId } });
  const returns = await prisma.assessmentReturn.findMany({ where: { campaignId: row.id } });
  const orgs = await prisma.orgUnit.findMany({
    where: { id: { in: returns.map((r) => r.orgId) } },
    select: { ...ORG_SELECT, sortOrder: true, code: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  const byOrg = new Map(returns.map((r) => [r.orgId, r]));
  const issuerView = issuerSide(user, issuer);
  const visible = orgs.filter((o) => issuerView || user.orgPath.startsWith(o.path));
  return campaignOf(
    row,
    issuer,
    scheme.level,
    visible.flatMap((o) => {
      const r = byOrg.get(o.id);
      return r ? [summaryOf(r, o.name)] : [];
    }),
  );
}

/**
 * The campaigns an org issued (issuer=mine) and those issued above it in which it is scored, itself
 * or through the unit above it whose return it reads (issuer=above): default the caller's home,
 * both, newest first. Each says which side the org is on: `issuedHere`, or its `unitReturn`.
 */
export async function listCampaigns(
  prisma: PrismaClient,
  user: AuthUser,
  query: z.output<typeof ListCampaignsQuerySchema>,
): Promise<{ items: CampaignListItem[] }> {
  const org = await loadReachableOrg(prisma, user, query.org ?? user.orgId);
  // The org and every org above it: a 支部 takes part in a 区 campaign through its 街道's return.
  const lineage = org.path.split('/').filter((id) => id !== '');
  const ancestors = lineage.filter((id) => id !== org.id);
  const mine = query.issuer !== 'above';
  const above = query.issuer !== 'mine';
  const rows = await prisma.assessmentCampaign.findMany({
    where: {
      OR: [
        ...(mine ? [{ orgId: org.id }] : []),
        ...(above && ancestors.length > 0
          ? [{ orgId: { in: ancestors }, returns: { some: { orgId: { in: lineage } } } }]
          : []),
      ],
      ...(query.period ? { periodCode: query.period } : {}),
      ...(query.state ? { state: query.state } : {}),
    },
    orderBy: [{ periodCode: 'desc' }, { createdAt: 'desc' }],
    take: 200,
  });
  const [orgs, schemes, taking] = await Promise.all([
    prisma.orgUnit.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.orgId))] } }, select: ORG_SELECT }),
    prisma.assessmentScheme.findMany({
      where: { id: { in: rows.map((r) => r.schemeId) } },
      select: { id: true, level: true },
    }),
    prisma.assessmentReturn.findMany({
      where: { campaignId: { in: rows.map((r) => r.id) }, orgId: { in: lineage } },
      select: { id: true, campaignId: true, orgId: true, state: true },
    }),
  ]);
  const lineageNames = new Map(
    (await prisma.orgUnit.findMany({ where: { id: { in: lineage } }, select: { id: true, name: true } })).map((o) => [
      o.id,
      o.name,
    ]),
  );
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const levels = new Map(schemes.map((s) => [s.id, s.level]));
  const returnOf = new Map(taking.map((r) => [r.campaignId, r]));
  return {
    items: rows.flatMap((r) => {
      const issuer = byId.get(r.orgId);
      if (!issuer) return [];
      const { returns: _r, ...c } = campaignOf(r, issuer, levels.get(r.schemeId) ?? '', []);
      const taken = r.orgId === org.id ? undefined : returnOf.get(r.id);
      return [
        {
          ...c,
          issuedHere: r.orgId === org.id,
          unitReturn: taken
            ? { id: taken.id, orgId: taken.orgId, orgName: lineageNames.get(taken.orgId) ?? '', state: taken.state }
            : null,
        },
      ];
    }),
  };
}

/** A return the caller may read, with its campaign, issuer, unit and scheme: 404 otherwise. */
export async function loadReturn(db: Db, user: AuthUser, id: string) {
  const row = await db.assessmentReturn.findUnique({ where: { id } });
  if (!row) throw notFound('AssessmentReturn');
  const campaign = await db.assessmentCampaign.findUniqueOrThrow({ where: { id: row.campaignId } });
  const [issuer, unit] = await Promise.all([
    db.orgUnit.findUniqueOrThrow({ where: { id: campaign.orgId }, select: ORG_SELECT }),
    db.orgUnit.findUniqueOrThrow({ where: { id: row.orgId }, select: ORG_SELECT }),
  ]);
  if (!issuerSide(user, issuer) && !user.orgPath.startsWith(unit.path)) throw notFound('AssessmentReturn');
  const scheme = await db.assessmentScheme.findUniqueOrThrow({ where: { id: campaign.schemeId } });
  return { row, campaign, issuer, unit, scheme };
}

type Loaded = Awaited<ReturnType<typeof loadReturn>>;

function sideOf(user: AuthUser, l: Loaded) {
  return { unit: unitSide(user, l.unit.id), issuer: issuerSide(user, l.issuer) };
}

/**
 * A return with each item's proposal from the records now; a confirmed one also marks the items
 * whose records changed since (the done count differs from the one the 自评 was made from).
 */
export async function getReturn(prisma: PrismaClient, user: AuthUser, id: string): Promise<AssessmentReturn> {
  const l = await loadReturn(prisma, user, id);
  return viewOf(prisma, user, l);
}

/** The list functions take a client; inside a write they read in its transaction (same methods). */
const asClient = (db: Db) => db as PrismaClient;

/** The records an item counts now, kept on the stored item (null for an item without a drill). */
async function countedOf(
  db: Db,
  user: AuthUser,
  unit: Org,
  p: ItemProposal | undefined,
  at: CountedRecords['at'],
): Promise<CountedRecords | null> {
  if (!p?.drill || p.done === null) return null;
  const page = await drillRecords(asClient(db), unit, user, p.drill);
  if (!page) return null;
  return { at, done: p.done, list: p.drill.list, records: page.records, capped: page.total > DRILL_RECORDS_MAX };
}

/**
 * Whether a confirmed item's records changed since they were kept: by id when the records were
 * kept whole then and fit now, else by the count. Record details go only to a reader who reaches
 * the unit (the issuer's side, the unit's own people at the unit); others see the counts.
 */
export async function driftOf(
  db: Db,
  user: AuthUser,
  unit: Org,
  i: ReturnItem,
  p: ItemProposal,
): Promise<ItemDrift | null> {
  const doneThen = i.counted?.done ?? i.done;
  if (doneThen === null || p.done === null) return null;
  const base = { doneThen, doneNow: p.done, proposedNow: p.proposed, drill: p.drill };
  const then = i.counted;
  if (then && !then.capped && p.drill && reachesOrg(user, unit)) {
    const now = await drillRecords(asClient(db), unit, user, p.drill);
    if (now && now.total <= DRILL_RECORDS_MAX) {
      const { added, removed } = recordsDiff(then.records, now.records);
      if (added.length === 0 && removed.length === 0 && p.done === doneThen) return null;
      return { ...base, byIdentity: true, added, removed };
    }
  }
  return p.done === doneThen ? null : { ...base, byIdentity: false, added: [], removed: [] };
}

async function viewOf(db: Db, user: AuthUser, l: Loaded): Promise<AssessmentReturn> {
  const [now] = await schemeProposals(db, l.scheme, [l.unit]);
  if (!now) throw new Error('no proposal answered');
  const workload = await returnWorkload(db, l.unit, periodFromCode(l.campaign.periodCode));
  const stored = new Map(itemsOf(l.row).map((i) => [i.key, i]));
  const proposals = new Map(now.items.map((p) => [p.key, p]));
  const confirmed = l.row.state === 'CONFIRMED';
  const items = [];
  for (const s of schemeItems(l.scheme)) {
    const i = stored.get(s.key);
    const p = proposals.get(s.key);
    if (!i || !p) continue;
    const { counted: _kept, ...item } = i;
    items.push({
      ...item,
      title: s.title,
      category: s.category,
      points: s.points,
      proposal: p,
      finalScore: l.row.state === 'REVIEWED' || confirmed ? finalScoreOf(i) : null,
      drift: confirmed ? await driftOf(db, user, l.unit, i, p) : null,
    });
  }
  return {
    ...summaryOf(l.row, l.unit.name),
    campaignName: l.campaign.name,
    issuerId: l.issuer.id,
    periodCode: l.campaign.periodCode,
    total: l.scheme.total,
    vetoedBy: now.vetoedBy,
    items,
    steps: returnStepsOf(l.row.state, (a) => can(user.role, a), sideOf(user, l)),
    workload,
  };
}

/**
 * The 自评 picker of one item: the records of its drill for the unit (the list its "N 条记录"
 * opens, at most DRILL_RECORDS_MAX) and the files stored on them. For those who reach the unit
 * (its own people at the unit, the issuer's side); a MANUAL item has no records to offer.
 */
export async function itemEvidence(
  prisma: PrismaClient,
  user: AuthUser,
  id: string,
  key: string,
): Promise<ItemEvidence> {
  const l = await loadReturn(prisma, user, id);
  if (!reachesOrg(user, l.unit)) throw forbidden({ key: 'auth.outOfReach' });
  if (!schemeItems(l.scheme).some((s) => s.key === key)) {
    throw new AppError('VALIDATION_FAILED', { key: 'campaign.unknownItem', params: { key } });
  }
  const [now] = await schemeProposals(prisma, l.scheme, [l.unit]);
  const p = now?.items.find((i) => i.key === key);
  const page = p?.drill ? await drillRecords(prisma, l.unit, user, p.drill) : null;
  if (!page) return { key, drill: p?.drill ?? null, total: 0, records: [], attachments: [] };
  const links = page.records.map((r) => r.link);
  const files = await prisma.attachment.findMany({
    where: { OR: links.map((k) => ({ entityType: k.type, entityId: k.id })) },
    select: { id: true, fileName: true, entityType: true, entityId: true },
    orderBy: { createdAt: 'asc' },
    take: DRILL_RECORDS_MAX * 2,
  });
  return {
    key,
    drill: p?.drill ?? null,
    total: page.total,
    records: page.records,
    attachments: files.map((f) => ({ ...f, entityType: f.entityType as EntityType })),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * The checks every write makes, in order: the caller's side and role for the step (403), the
 * lock (409 once confirmed), the version (412), the step allowed from the state (409).
 */
function checkStep(user: AuthUser, l: Loaded, to: ReturnStep, expectedVersion: number | undefined) {
  const party = RETURN_STEP_PARTY[to];
  if (party === 'UNIT' && !unitSide(user, l.unit.id)) throw forbidden({ key: 'campaign.ownUnitOnly' });
  if (party === 'ISSUER' && !issuerSide(user, l.issuer)) throw forbidden({ key: 'campaign.issuerOnly' });
  if (!can(user.role, RETURN_STEP_ACTION[to])) throw forbidden();
  if (l.row.state === 'CONFIRMED') throw new AppError('CONFLICT', { key: 'campaign.locked' });
  checkVersion(l.row, expectedVersion);
  if (!canStep(l.row.state, to)) {
    throw new AppError('CONFLICT', { key: 'campaign.stepNotAllowed', params: { from: l.row.state, to } });
  }
}

function gapsError(gaps: ItemGap[]) {
  return validationError(
    gaps.map((g) => ({ field: `items.${g.key}`, code: g.problem, message: g.problem })),
    { key: 'campaign.incomplete' },
  );
}

async function writeReturn(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  l: Loaded,
  data: Prisma.AssessmentReturnUncheckedUpdateManyInput & { state: ReturnState },
): Promise<AssessmentReturn> {
  const before = l.row;
  const { count } = await tx.assessmentReturn.updateMany({
    where: { id: before.id, version: before.version, state: before.state },
    data: { ...data, updatedById: user.id, version: { increment: 1 } },
  });
  assertWritten(count);
  const row = await tx.assessmentReturn.findUniqueOrThrow({ where: { id: before.id } });
  await recordAudit(tx, {
    actorId: user.id,
    action: data.state === before.state ? 'UPDATE' : 'TRANSITION',
    entityType: 'AssessmentReturn',
    entityId: row.id,
    orgId: row.orgId,
    before: { ...before },
    after: { ...row },
  });
  return viewOf(tx, user, { ...l, row });
}

const ENTITY_TABLE: Record<EntityType, (db: Db, ids: string[]) => Promise<{ id: string; orgId: string }[]>> = {
  Activity: (db, ids) => db.activity.findMany({ where: { id: { in: ids } }, select: { id: true, orgId: true } }),
  StudySession: (db, ids) =>
    db.studySession.findMany({ where: { id: { in: ids } }, select: { id: true, orgId: true } }),
  PublicityItem: (db, ids) =>
    db.publicityItem.findMany({ where: { id: { in: ids } }, select: { id: true, orgId: true } }),
  RiskPoint: (db, ids) => db.riskPoint.findMany({ where: { id: { in: ids } }, select: { id: true, orgId: true } }),
  Accountability: (db, ids) =>
    db.accountability.findMany({ where: { id: { in: ids } }, select: { id: true, orgId: true } }),
  RiskAlert: (db, ids) => db.riskAlert.findMany({ where: { id: { in: ids } }, select: { id: true, orgId: true } }),
  Assignment: (db, ids) => db.assignment.findMany({ where: { id: { in: ids } }, select: { id: true, orgId: true } }),
  Rectification: (db, ids) =>
    db.rectification.findMany({ where: { id: { in: ids } }, select: { id: true, orgId: true } }),
  CommitteeMeeting: (db, ids) =>
    db.committeeMeeting.findMany({ where: { id: { in: ids } }, select: { id: true, orgId: true } }),
  EventApproval: (db, ids) =>
    db.eventApproval.findMany({ where: { id: { in: ids } }, select: { id: true, orgId: true } }),
};

/** Every linked record and stored file must exist and belong to the unit's subtree (400 otherwise). */
async function checkLinks(db: Db, unit: Org, records: RecordLink[], attachments: string[]) {
  const orgIds = new Set<string>();
  const byType = new Map<EntityType, Set<string>>();
  for (const r of records) byType.set(r.type, (byType.get(r.type) ?? new Set()).add(r.id));
  for (const [type, ids] of byType) {
    const found = await ENTITY_TABLE[type](db, [...ids]);
    if (found.length !== ids.size) throw new AppError('VALIDATION_FAILED', { key: 'campaign.linkOutOfReach' });
    for (const f of found) orgIds.add(f.orgId);
  }
  const files = [...new Set(attachments)];
  if (files.length > 0) {
    const found = await db.attachment.findMany({ where: { id: { in: files } }, select: { id: true, orgId: true } });
    if (found.length !== files.length || found.some((f) => f.orgId === null)) {
      throw new AppError('VALIDATION_FAILED', { key: 'campaign.linkOutOfReach' });
    }
    for (const f of found) if (f.orgId) orgIds.add(f.orgId);
  }
  if (orgIds.size === 0) return;
  const inside = await db.orgUnit.count({ where: { id: { in: [...orgIds] }, path: { startsWith: unit.path } } });
  if (inside !== orgIds.size) throw new AppError('VALIDATION_FAILED', { key: 'campaign.linkOutOfReach' });
}

/**
 * Saves the unit's 自评: each item starts from its proposal (figure, required, done, drill), the
 * unit accepts it or sets its own score with a note, and links records of its subtree and files
 * already stored. Items left out keep what they had (or the proposal). State → SELF_DRAFT.
 */
export async function saveSelf(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: SaveSelfInput,
  expectedVersion: number | undefined,
): Promise<AssessmentReturn> {
  const l = await loadReturn(tx, user, id);
  checkStep(user, l, 'SELF_DRAFT', expectedVersion);
  const stored = new Map(itemsOf(l.row).map((i) => [i.key, i]));
  for (const i of input.items) {
    if (!stored.has(i.key))
      throw new AppError('VALIDATION_FAILED', { key: 'campaign.unknownItem', params: { key: i.key } });
  }
  await checkLinks(
    tx,
    l.unit,
    input.items.flatMap((i) => i.records),
    input.items.flatMap((i) => i.attachments),
  );
  const [now] = await schemeProposals(tx, l.scheme, [l.unit]);
  const proposals = new Map((now?.items ?? []).map((p) => [p.key, p]));
  const given = new Map(input.items.map((i) => [i.key, i]));
  const items: ReturnItem[] = [];
  for (const old of itemsOf(l.row)) {
    const p = proposals.get(old.key);
    const g = given.get(old.key);
    const proposed = p?.proposed ?? null;
    const selfScore = g ? g.score : (old.selfScore ?? proposed);
    // A 复核 decision was made on the score the unit gave then: once a returned unit changes the
    // score, that decision no longer stands and the item is reviewed again.
    const undecided = old.decision !== null && selfScore !== old.selfScore;
    items.push({
      ...old,
      proposed,
      done: p?.done ?? null,
      selfScore,
      selfNote: g ? g.note : old.selfNote,
      records: g ? g.records : old.records,
      attachments: g ? [...new Set(g.attachments)] : old.attachments,
      ...(undecided ? { decision: null, reviewScore: null, reviewReason: '' } : {}),
      // The fallback keeping of the records counted; the confirmation keeps them again.
      counted: await countedOf(tx, user, l.unit, p, 'SELF'),
    });
  }
  return writeReturn(tx, user, l, {
    state: 'SELF_DRAFT',
    items: items as unknown as Prisma.InputJsonValue,
    selfTotal: schemeTotal(
      items.map((i) => i.selfScore),
      (now?.vetoedBy.length ?? 0) > 0,
    ),
  });
}

/**
 * Saves the 复核: per item agree with the 自评 score or change it with a score and a written
 * reason. Items left out keep their decision. State → IN_REVIEW.
 */
export async function saveReview(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: SaveReviewInput,
  expectedVersion: number | undefined,
): Promise<AssessmentReturn> {
  const l = await loadReturn(tx, user, id);
  checkStep(user, l, 'IN_REVIEW', expectedVersion);
  const points = new Map(schemeItems(l.scheme).map((s) => [s.key, s.points]));
  const gaps: ItemGap[] = [];
  for (const i of input.items) {
    const max = points.get(i.key);
    if (max === undefined)
      throw new AppError('VALIDATION_FAILED', { key: 'campaign.unknownItem', params: { key: i.key } });
    if (i.decision === 'CHANGE') {
      if (i.score === undefined) gaps.push({ key: i.key, problem: 'SCORE_MISSING' });
      else if (i.score > max) gaps.push({ key: i.key, problem: 'ABOVE_POINTS' });
      if (!i.reason?.trim()) gaps.push({ key: i.key, problem: 'REASON_MISSING' });
    }
  }
  if (gaps.length > 0) throw gapsError(gaps);
  const given = new Map(input.items.map((i) => [i.key, i]));
  const items = itemsOf(l.row).map((old): ReturnItem => {
    const g = given.get(old.key);
    if (!g) return old;
    return g.decision === 'AGREE'
      ? { ...old, decision: 'AGREE', reviewScore: null, reviewReason: g.reason?.trim() ?? '' }
      : { ...old, decision: 'CHANGE', reviewScore: g.score ?? null, reviewReason: g.reason?.trim() ?? '' };
  });
  // Back from REVIEWED: the final total is fixed again by the next 复核完成.
  return writeReturn(tx, user, l, {
    state: 'IN_REVIEW',
    items: items as unknown as Prisma.InputJsonValue,
    finalTotal: null,
  });
}

/**
 * 提交 (the unit), 退回 with a reason, 复核完成 (every item decided), 确认 (the issuer's leader:
 * final scores kept, the return locked; the campaign closes when its last return is confirmed).
 */
export async function stepReturn(
  tx: Prisma.TransactionClient,
  user: AuthUser,
  id: string,
  input: ReturnStepInput,
  expectedVersion: number | undefined,
): Promise<AssessmentReturn> {
  const l = await loadReturn(tx, user, id);
  checkStep(user, l, input.to, expectedVersion);
  const items = itemsOf(l.row);
  const scheme = schemeItems(l.scheme);
  const now = new Date();
  switch (input.to) {
    case 'SUBMITTED': {
      const gaps = selfGaps(items, scheme);
      if (gaps.length > 0) throw gapsError(gaps);
      return writeReturn(tx, user, l, { state: 'SUBMITTED', submittedAt: now, returnReason: null });
    }
    case 'RETURNED': {
      const reason = input.reason?.trim();
      if (!reason) throw new AppError('VALIDATION_FAILED', { key: 'campaign.reasonRequired' });
      return writeReturn(tx, user, l, { state: 'RETURNED', returnReason: reason, finalTotal: null });
    }
    case 'REVIEWED': {
      const gaps = reviewGaps(items, scheme);
      if (gaps.length > 0) throw gapsError(gaps);
      const [fresh] = await schemeProposals(tx, l.scheme, [l.unit]);
      return writeReturn(tx, user, l, {
        state: 'REVIEWED',
        reviewedAt: now,
        finalTotal: schemeTotal(items.map(finalScoreOf), (fresh?.vetoedBy.length ?? 0) > 0),
      });
    }
    case 'CONFIRMED': {
      // The records each computable item counts at the confirmation, for drift by identity.
      const [fresh] = await schemeProposals(tx, l.scheme, [l.unit]);
      const proposals = new Map((fresh?.items ?? []).map((p) => [p.key, p]));
      const kept: ReturnItem[] = [];
      for (const i of items) {
        kept.push({
          ...i,
          counted: (await countedOf(tx, user, l.unit, proposals.get(i.key), 'CONFIRMED')) ?? i.counted,
        });
      }
      const answer = await writeReturn(tx, user, l, {
        state: 'CONFIRMED',
        confirmedAt: now,
        confirmedById: user.id,
        items: kept as unknown as Prisma.InputJsonValue,
      });
      // Two returns confirmed at once must not both count the other as open: the campaign row is
      // locked first, so the second counts after the first has committed and closes it.
      await tx.$queryRaw`SELECT 1 FROM "AssessmentCampaign" WHERE id = ${l.campaign.id}::uuid FOR UPDATE`;
      const open = await tx.assessmentReturn.count({
        where: { campaignId: l.campaign.id, state: { not: 'CONFIRMED' } },
      });
      if (open === 0) {
        const closed = await tx.assessmentCampaign.update({
          where: { id: l.campaign.id },
          data: { state: 'CLOSED', version: { increment: 1 } },
        });
        await recordAudit(tx, {
          actorId: user.id,
          action: 'TRANSITION',
          entityType: 'AssessmentCampaign',
          entityId: closed.id,
          orgId: closed.orgId,
          before: { ...l.campaign },
          after: { ...closed },
        });
      }
      return answer;
    }
  }
}
