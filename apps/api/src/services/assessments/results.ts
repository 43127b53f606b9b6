// 考核结果 (issue 18 part A, ADR 042): a campaign's ranking, a unit's scorecard and the trend
// against the issuer's previous campaign, read from the stored returns (the scores) and the
// records now (the drills, drift). Reading follows ADR 041: the issuer's side reads every row, a
// unit's people only their own (a return of a sibling unit answers 404). The ranking is over every
// unit of the campaign, so a unit reading its own row still sees its place.
import { finalScoreOf, type ReturnItem } from '@dutyboard/contracts/assessment-campaigns';
import {
  basisOf,
  type CampaignResults,
  type LostReason,
  noTrend,
  type ResultBasis,
  type ResultRow,
  rankRows,
  round2,
  type Scorecard,
  type ScorecardItem,
  shownTotal,
  type Trend,
  trendOf,
} from '@dutyboard/contracts/assessment-results';
import { periodFromCode } from '@dutyboard/contracts/periods';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { AuthUser } from '../auth/sessions.ts';
import { driftOf, issuerSide, itemsOf, loadCampaign, loadReturn, schemeItems } from './campaigns.ts';
import { schemeProposals } from './proposals.ts';

type Db = PrismaClient | Prisma.TransactionClient;
type SchemeItemRow = ReturnType<typeof schemeItems>[number];

/** The score an item shows by the return's basis: final (reviewed or confirmed), else the 自评's. */
function itemScore(basis: ResultBasis, i: ReturnItem | undefined): number | null {
  if (!i || basis === 'NONE') return null;
  return basis === 'SELF' ? i.selfScore : finalScoreOf(i);
}

/**
 * Whether a veto struck the total a row shows. The return keeps each VETO item's incident count
 * from the last 自评 save (`done`); the 复核 applies the veto of the records at its time, which
 * shows as a total of 0 over item scores that add up to more.
 */
function vetoStruck(
  scheme: readonly SchemeItemRow[],
  items: Map<string, ReturnItem>,
  basis: ResultBasis,
  total: number | null,
) {
  if (basis === 'NONE') return false;
  const counted = scheme.some((s) => s.rule.type === 'VETO' && (items.get(s.key)?.done ?? 0) >= 1);
  const sum = scheme.reduce((n, s) => n + (itemScore(basis, items.get(s.key)) ?? 0), 0);
  return counted || (total === 0 && sum > 0);
}

/** The first scheme of a line of copies (ADR 040: a copy keeps its item keys). */
async function schemeRoot(db: Db, id: string): Promise<string> {
  let at = id;
  for (let depth = 0; depth < 100; depth += 1) {
    const row = await db.assessmentScheme.findUnique({ where: { id: at }, select: { copiedFromId: true } });
    if (!row?.copiedFromId) return at;
    at = row.copiedFromId;
  }
  return at;
}

/** The issuer's latest campaign whose period ended by the time this one's began. */
async function earlierCampaign(db: Db, campaign: { id: string; orgId: string; periodCode: string }) {
  const starts = periodFromCode(campaign.periodCode).startsAt.getTime();
  const others = await db.assessmentCampaign.findMany({
    where: { orgId: campaign.orgId, NOT: { id: campaign.id } },
    orderBy: { createdAt: 'desc' },
  });
  const before = others
    .map((c) => ({ c, ends: periodFromCode(c.periodCode).endsAt.getTime() }))
    .filter((x) => x.ends <= starts);
  before.sort((a, b) => b.ends - a.ends);
  return before[0]?.c ?? null;
}

interface UnitResult {
  row: ResultRow;
  items: Map<string, ReturnItem>;
  stored: { id: string; orgId: string };
}

interface Computed {
  results: CampaignResults;
  all: UnitResult[];
  scheme: SchemeItemRow[];
  /** Per unit org: item key → the earlier score (editions only), category title → earlier score. */
  earlierItems: Map<string, Map<string, number | null>>;
  sameLine: boolean;
}

async function compute(db: Db, user: AuthUser, campaignId: string): Promise<Computed> {
  const { row: campaign, issuer } = await loadCampaign(db, user, campaignId);
  const schemeRow = await db.assessmentScheme.findUniqueOrThrow({ where: { id: campaign.schemeId } });
  const scheme = schemeItems(schemeRow);
  const returns = await db.assessmentReturn.findMany({ where: { campaignId: campaign.id } });
  const orgs = await db.orgUnit.findMany({
    where: { id: { in: returns.map((r) => r.orgId) } },
    select: { id: true, name: true, path: true },
  });
  const orgById = new Map(orgs.map((o) => [o.id, o]));

  const earlier = await earlierCampaign(db, campaign);
  const earlierReturns = earlier ? await db.assessmentReturn.findMany({ where: { campaignId: earlier.id } }) : [];
  const earlierByOrg = new Map(earlierReturns.map((r) => [r.orgId, r]));
  const sameLine = earlier
    ? (await schemeRoot(db, earlier.schemeId)) === (await schemeRoot(db, campaign.schemeId))
    : false;
  const earlierItems = new Map<string, Map<string, number | null>>();
  for (const r of earlierReturns) {
    const basis = basisOf(r.state);
    earlierItems.set(r.orgId, new Map(itemsOf(r).map((i) => [i.key, itemScore(basis, i)])));
  }

  const all = returns.map((r): UnitResult => {
    const items = new Map(itemsOf(r).map((i) => [i.key, i]));
    const basis = basisOf(r.state);
    const score = shownTotal(r);
    const prev = earlierByOrg.get(r.orgId);
    const trend: Trend = !earlier
      ? noTrend('NO_EARLIER_CAMPAIGN')
      : !prev
        ? noTrend('NOT_IN_EARLIER')
        : trendOf(score, shownTotal(prev));
    return {
      items,
      stored: { id: r.id, orgId: r.orgId },
      row: {
        returnId: r.id,
        orgId: r.orgId,
        orgName: orgById.get(r.orgId)?.name ?? '',
        state: r.state,
        rank: null,
        basis,
        score,
        selfTotal: r.selfTotal,
        finalTotal: basis === 'FINAL' || basis === 'REVIEW' ? r.finalTotal : null,
        vetoed: vetoStruck(scheme, items, basis, score),
        pointsLost: score === null ? null : round2(schemeRow.total - score),
        trend,
      },
    };
  });
  const ranked = rankRows(all.map((u) => u.row));
  const byReturn = new Map(all.map((u) => [u.row.returnId, u]));
  const ordered = ranked.map((row) => {
    const u = byReturn.get(row.returnId) as UnitResult;
    return { ...u, row };
  });
  const issuerView = issuerSide(user, issuer);
  const visible = ordered.filter((u) => issuerView || user.orgPath.startsWith(orgById.get(u.row.orgId)?.path ?? '\0'));
  const results: CampaignResults = {
    campaignId: campaign.id,
    campaignName: campaign.name,
    issuerId: issuer.id,
    issuerName: issuer.name,
    periodCode: campaign.periodCode,
    schemeName: schemeRow.name,
    total: schemeRow.total,
    units: returns.length,
    confirmed: returns.filter((r) => r.state === 'CONFIRMED').length,
    earlier: earlier ? { id: earlier.id, name: earlier.name, periodCode: earlier.periodCode } : null,
    rows: visible.map((u) => u.row),
    items: scheme.map((s) => ({ key: s.key, title: s.title, category: s.category, points: s.points })),
    matrix: visible.map((u) => scheme.map((s) => itemScore(u.row.basis, u.items.get(s.key)))),
    issuerSide: issuerView,
  };
  return { results, all: ordered, scheme, earlierItems, sameLine };
}

/** GET /api/assessment-campaigns/:id/results */
export async function campaignResults(db: Db, user: AuthUser, campaignId: string): Promise<CampaignResults> {
  return (await compute(db, user, campaignId)).results;
}

/** Why an item lost points: the rule's shortfall, the 自评's note, the reviewer's reason. */
function lostReasons(
  s: SchemeItemRow,
  i: ReturnItem,
  basis: ResultBasis,
  score: number | null,
  slices: readonly { required: number; done: number }[],
): LostReason[] {
  const reasons: LostReason[] = [];
  const r = s.rule;
  if (r.type === 'VETO') {
    if ((i.done ?? 0) >= 1) reasons.push({ key: 'lost.veto', params: { count: i.done ?? 0 } });
    return reasons;
  }
  if (score === null) return [{ key: 'lost.unscored', params: {} }];
  const ruleLost = i.proposed === null ? 0 : round2(s.points - i.proposed);
  if (ruleLost > 0 && i.done !== null) {
    if (r.type === 'COUNT' && r.per === 'PERIOD') {
      reasons.push({ key: 'lost.count', params: { required: r.required, done: i.done, lost: ruleLost } });
    } else if (r.type === 'COUNT') {
      const short = slices.filter((x) => x.done < x.required);
      const missing = short.reduce((n, x) => n + (x.required - x.done), 0);
      reasons.push({
        key: 'lost.countPer',
        params: { per: r.per, required: r.required, short: short.length, missing, lost: ruleLost },
      });
    } else if (r.type === 'DEADLINE') {
      const [y, m] = r.dueMonth.split('-').map(Number);
      reasons.push({ key: 'lost.deadline', params: { due: `${y}年${m}月底`, lost: ruleLost } });
    } else if (r.type === 'PER_INCIDENT') {
      reasons.push({ key: 'lost.incidents', params: { count: i.done, lost: ruleLost } });
    }
  }
  const lost = round2(s.points - score);
  if (lost > 0 && i.selfNote.trim() !== '' && (r.type === 'MANUAL' || i.selfScore !== i.proposed)) {
    reasons.push({ key: 'lost.selfNote', params: { note: i.selfNote.trim() } });
  }
  if (basis !== 'SELF' && i.decision === 'CHANGE') {
    reasons.push({
      key: 'lost.review',
      params: { reason: i.reviewReason, from: i.selfScore ?? 0, to: i.reviewScore ?? 0 },
    });
  }
  return reasons;
}

/** GET /api/assessment-returns/:id/scorecard */
export async function returnScorecard(db: Db, user: AuthUser, returnId: string): Promise<Scorecard> {
  const l = await loadReturn(db, user, returnId);
  const c = await compute(db, user, l.campaign.id);
  const unit = c.all.find((u) => u.row.returnId === l.row.id);
  if (!unit) throw new Error('return not in its campaign');
  const [now] = await schemeProposals(db, l.scheme, [l.unit]);
  const proposals = new Map((now?.items ?? []).map((p) => [p.key, p]));
  const earlierScores = c.earlierItems.get(l.unit.id);
  const rowTrend = unit.row.trend;
  const itemTrend = (now: number | null, prev: number | null | undefined): Trend => {
    if (rowTrend.absent === 'NO_EARLIER_CAMPAIGN' || rowTrend.absent === 'NOT_IN_EARLIER') return rowTrend;
    if (!c.sameLine) return noTrend('OTHER_SCHEME');
    return trendOf(now, prev ?? null);
  };
  const basis = unit.row.basis;
  const confirmed = l.row.state === 'CONFIRMED';

  const categories: Scorecard['categories'] = [];
  for (const s of c.scheme) {
    const i = unit.items.get(s.key);
    if (!i) continue;
    const p = proposals.get(s.key);
    const score = itemScore(basis, i);
    const item: ScorecardItem = {
      key: s.key,
      title: s.title,
      points: s.points,
      ruleType: s.rule.type,
      score,
      lost: score === null ? null : round2(s.points - score),
      reasons: lostReasons(s, i, basis, score, p?.slices ?? []),
      done: p?.done ?? null,
      drill: p?.drill ?? null,
      records: i.records,
      attachments: i.attachments,
      // The campaign's own drift (ADR 041 part C): by record id where the records were kept.
      drift: confirmed && p ? await driftOf(db, user, l.unit, i, p) : null,
      trend: itemTrend(score, earlierScores?.get(s.key)),
    };
    let cat = categories.at(-1);
    if (!cat || cat.title !== s.category) {
      cat = { title: s.category, points: 0, score: null, lost: null, trend: rowTrend, items: [] };
      categories.push(cat);
    }
    cat.items.push(item);
  }
  for (const cat of categories) {
    cat.points = round2(cat.items.reduce((n, x) => n + x.points, 0));
    const scored = cat.items.every((x) => x.score !== null);
    cat.score = scored ? round2(cat.items.reduce((n, x) => n + (x.score ?? 0), 0)) : null;
    cat.lost = cat.score === null ? null : round2(cat.points - cat.score);
    if (cat.trend.absent !== 'NO_EARLIER_CAMPAIGN' && cat.trend.absent !== 'NOT_IN_EARLIER') {
      // By category title: the categories of two editions carry no key of their own.
      const prev = c.sameLine ? cat.items.map((x) => earlierScores?.get(x.key)) : [];
      cat.trend = !c.sameLine
        ? noTrend('OTHER_SCHEME')
        : prev.some((v) => v === undefined || v === null)
          ? noTrend('NOT_SCORED')
          : trendOf(cat.score, round2(prev.reduce<number>((n, v) => n + (v ?? 0), 0)));
    }
  }
  return {
    returnId: l.row.id,
    campaignId: l.campaign.id,
    campaignName: l.campaign.name,
    periodCode: l.campaign.periodCode,
    orgId: l.unit.id,
    orgName: l.unit.name,
    state: l.row.state,
    basis,
    total: l.scheme.total,
    score: unit.row.score,
    pointsLost: unit.row.pointsLost,
    rank: unit.row.rank,
    units: c.results.units,
    vetoed: unit.row.vetoed,
    trend: rowTrend,
    earlier: c.results.earlier,
    categories,
  };
}
