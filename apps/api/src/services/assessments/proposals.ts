// Proposed scores from the records (issue 18, ADR 040): for each unit a scheme scores, each item's
// figure, required number, done count per slice, proposed score and drill. Counts are the rollups'
// (services/rollups countFigures) and every drill is the dashboard's (contracts/metrics), so "N 条
// 记录" lists exactly the records counted. Every item of every unit asked for is counted in one
// query, so a 区 of 20 街道 is one statement, not one per item × unit.
import {
  deadlineDueDay,
  type ItemProposal,
  type SchemeItemInput,
  type SchemeLevel,
  type SchemeProposals,
  schemeTotal,
  scoreCount,
  scoreDeadline,
  scorePerIncident,
  sumPoints,
  vetoStrikes,
} from '@dutyboard/contracts/assessments';
import { ruleSlices } from '@dutyboard/contracts/assignments';
import { figureDrill, type MetricDrill, metricDrill } from '@dutyboard/contracts/metrics';
import { orgLevelOf } from '@dutyboard/contracts/orgs';
import { type PeriodRef, periodFromCode, shanghaiLocalDate, shanghaiMidnight } from '@dutyboard/contracts/periods';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { AppError } from '../../errors/app-error.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg } from '../orgs/scope.ts';
import { countFiguresBetween, type ExactUnit } from '../rollups/exact-counts.ts';
import { countFigures, type FigureUnit } from '../rollups/rollups.ts';
import { loadScheme, type SchemeRow, storedCategories } from './schemes.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const DAY_MS = 24 * 3600 * 1000;
const lastDay = (endsAt: Date) => shanghaiLocalDate(new Date(endsAt.getTime() - DAY_MS));

/** One count an item needs: a rollup unit and the days it covers. */
interface Slice {
  unit: FigureUnit;
  slice: string;
  from: string;
  to: string;
}

/**
 * What an item counts for one unit org: its rollup slices (empty for MANUAL), the counts read from
 * the records instead (a DEADLINE due inside a month: that month up to the day's end), and its
 * whole drill.
 */
function plan(
  item: SchemeItemInput,
  orgId: string,
  period: PeriodRef,
): { slices: Slice[]; exact: ExactUnit[]; drill: MetricDrill | null } {
  const r = item.rule;
  const from = shanghaiLocalDate(period.startsAt);
  const to = lastDay(period.endsAt);
  switch (r.type) {
    case 'COUNT':
      return {
        slices: ruleSlices(period, r.per).map((s) => ({
          unit: { figure: r.figure, orgId, key: s.code },
          slice: s.code,
          from: shanghaiLocalDate(s.startsAt),
          to: lastDay(s.endsAt),
        })),
        exact: [],
        drill: metricDrill(r.figure, orgId, from, to),
      };
    case 'DEADLINE': {
      // From the period's start to the due day's end: whole months from the rollups (by month
      // key), the due month's days up to a `dueOn` from the records (the rollups have no day).
      const day = deadlineDueDay(r);
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      const dueEnd = shanghaiMidnight(y, m, d + 1);
      const monthStart = shanghaiMidnight(y, m, 1);
      const whole = r.dueOn ? monthStart : dueEnd;
      const months = ruleSlices(period, 'MONTH').filter((mo) => mo.endsAt <= whole);
      return {
        slices: months.map((mo) => ({
          unit: { figure: r.figure, orgId, key: mo.code },
          slice: mo.code,
          from: shanghaiLocalDate(mo.startsAt),
          to: lastDay(mo.endsAt),
        })),
        exact: r.dueOn ? [{ figure: r.figure, orgId, from: monthStart, to: dueEnd }] : [],
        drill: metricDrill(r.figure, orgId, from, day),
      };
    }
    case 'PER_INCIDENT':
    case 'VETO': {
      const drill = figureDrill(r.figure, orgId, { from, to, period: period.code });
      // A figure without a date (open now) is kept under "*", a dated one under the period's key.
      const dated = 'from' in drill.query;
      return {
        slices: [{ unit: { figure: r.figure, orgId, key: dated ? period.code : '*' }, slice: period.code, from, to }],
        exact: [],
        drill,
      };
    }
    case 'MANUAL':
      return { slices: [], exact: [], drill: null };
  }
}

function propose(item: SchemeItemInput, done: number[]): { proposed: number | null; vetoed: boolean } {
  const r = item.rule;
  const total = done.reduce((s, n) => s + n, 0);
  switch (r.type) {
    case 'COUNT':
      return { proposed: scoreCount(r, item.points, done), vetoed: false };
    case 'DEADLINE':
      return { proposed: scoreDeadline(item.points, total), vetoed: false };
    case 'PER_INCIDENT':
      return { proposed: scorePerIncident(item.points, r.deduct, total), vetoed: false };
    case 'VETO':
      return { proposed: 0, vetoed: vetoStrikes(total) };
    case 'MANUAL':
      return { proposed: null, vetoed: false };
  }
}

/**
 * The proposals of a scheme for many unit orgs at once, in the order given: one countFigures query
 * for every slice of every item of every unit. Reach and level are the caller's to check.
 */
export async function schemeProposals(
  db: Db,
  scheme: Pick<SchemeRow, 'id' | 'periodCode' | 'total' | 'categories'>,
  units: readonly { id: string; name: string }[],
): Promise<SchemeProposals[]> {
  const period = periodFromCode(scheme.periodCode);
  const items = storedCategories(scheme.categories).flatMap((c) => c.items);
  const planned = units.map((u) => ({ u, items: items.map((item) => ({ item, ...plan(item, u.id, period) })) }));
  const [counts, exact] = await Promise.all([
    countFigures(
      db,
      planned.flatMap((p) => p.items.flatMap((i) => i.slices.map((s) => s.unit))),
    ),
    countFiguresBetween(
      db,
      planned.flatMap((p) => p.items.flatMap((i) => i.exact)),
    ),
  ]);
  let at = 0;
  let atExact = 0;
  return planned.map(({ u, items: its }) => {
    const answered: ItemProposal[] = its.map(({ item, slices, exact: days, drill }) => {
      const done = [...slices.map(() => counts[at++] ?? 0), ...days.map(() => exact[atExact++] ?? 0)];
      const { proposed, vetoed } = propose(item, done);
      const r = item.rule;
      return {
        key: item.key ?? '',
        title: item.title,
        points: item.points,
        scorer: item.scorer,
        ruleType: r.type,
        figure: r.type === 'MANUAL' ? null : r.figure,
        required: r.type === 'COUNT' ? r.required : r.type === 'DEADLINE' ? 1 : null,
        done: r.type === 'MANUAL' ? null : done.reduce((s, n) => s + n, 0),
        slices:
          r.type === 'COUNT'
            ? slices.map((s, i) => ({
                slice: s.slice,
                from: s.from,
                to: s.to,
                required: r.required,
                done: done[i] ?? 0,
                drill: metricDrill(r.figure, u.id, s.from, s.to),
              }))
            : [],
        drill,
        proposed,
        vetoed,
      };
    });
    const vetoedBy = answered.filter((i) => i.vetoed).map((i) => i.key);
    return {
      schemeId: scheme.id,
      orgId: u.id,
      orgName: u.name,
      periodCode: scheme.periodCode,
      total: scheme.total,
      proposedTotal: schemeTotal(
        answered.map((i) => i.proposed),
        vetoedBy.length > 0,
      ),
      manualPoints: sumPoints(answered.filter((i) => i.proposed === null)),
      vetoedBy,
      items: answered,
    };
  });
}

/** The proposals for one unit in the caller's reach, scored by the scheme (its level, below its issuer). */
export async function unitProposals(
  prisma: PrismaClient,
  user: AuthUser,
  schemeId: string,
  unitId: string,
): Promise<SchemeProposals> {
  const { row, org } = await loadScheme(prisma, user, schemeId);
  const unit = await loadReachableOrg(prisma, user, unitId);
  if (!unit.path.startsWith(org.path) || unit.id === org.id || orgLevelOf(unit.kind) !== row.level) {
    throw new AppError('VALIDATION_FAILED', {
      key: 'scheme.unitNotScored',
      params: { level: row.level as SchemeLevel },
    });
  }
  const [answer] = await schemeProposals(prisma, row, [unit]);
  if (!answer) throw new Error('no proposal answered');
  return answer;
}
