// Counts of a figure between two instants, read from the records rather than the rollups (ADR 044).
// The rollups are kept by Shanghai month; a 考核 DEADLINE rule due on a day inside a month needs
// the records of that month up to the day's end. The parts are the same as the rollups': each
// record goes through its source's facts function (the migrations' dutyboard_facts_*, which the
// rollup triggers call), and the figure registry's patterns select the parts, so a record counts
// here exactly when it counts in the rollups. The date compared is the source's own
// (FIGURE_SOURCES[source].date). Every unit is counted in one statement.
import {
  FIGURE_SOURCES,
  FIGURES,
  partPatterns,
  type RolledFigure,
  type RollupSource,
} from '@dutyboard/contracts/figures';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { Prisma as PrismaValues } from '@dutyboard/db/generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

/** The record table and facts function of each dated source. */
const SOURCE_TABLES: Record<Exclude<RollupSource, 'rectification'>, { table: string; facts: string }> = {
  study: { table: 'StudySession', facts: 'dutyboard_facts_study' },
  activity: { table: 'Activity', facts: 'dutyboard_facts_activity' },
  publicity: { table: 'PublicityItem', facts: 'dutyboard_facts_publicity' },
  check: { table: 'RiskPointCheck', facts: 'dutyboard_facts_check' },
  alert: { table: 'RiskAlert', facts: 'dutyboard_facts_alert' },
  alert_reported: { table: 'RiskAlert', facts: 'dutyboard_facts_alert' },
  alert_closed: { table: 'RiskAlert', facts: 'dutyboard_facts_alert' },
  rectification_closed: { table: 'Rectification', facts: 'dutyboard_facts_rectification' },
  meeting: { table: 'CommitteeMeeting', facts: 'dutyboard_facts_meeting' },
  report_sent: { table: 'ReportSubmission', facts: 'dutyboard_facts_report_sent' },
  accountability: { table: 'Accountability', facts: 'dutyboard_facts_accountability' },
  event: { table: 'EventApproval', facts: 'dutyboard_facts_event' },
};

/** One count: a dated figure's records in an org's subtree with their date in [from, to). */
export interface ExactUnit {
  figure: RolledFigure;
  orgId: string;
  from: Date;
  to: Date;
  /** The org's own records only, not its subtree's (a duty of the calendar, ADR 045). */
  own?: boolean;
}

/** The count of each unit, in the order given, in one query over the sources the units name. */
export async function countFiguresBetween(db: Db, units: readonly ExactUnit[]): Promise<number[]> {
  if (units.length === 0) return [];
  const sources = [...new Set(units.map((u) => FIGURES[u.figure].source))];
  // The widest window as constants too, so the planner bounds each index scan by the date.
  const from = new Date(Math.min(...units.map((u) => u.from.getTime())));
  const to = new Date(Math.max(...units.map((u) => u.to.getTime())));
  // Each source's records are reached from the units' subtrees' orgs through the record table's
  // (orgId, date) index, never by scanning the whole city's month.
  const selects = sources.map((source) => {
    const date = FIGURE_SOURCES[source].date;
    if (source === 'rectification' || date === null) throw new Error(`source ${source} has no date`);
    const { table, facts } = SOURCE_TABLES[source];
    const at = PrismaValues.raw(`x."${date}"`);
    return PrismaValues.sql`
      SELECT u.i, u.figure, f.source, f.part
      FROM u JOIN sub ON sub.unit = u.org AND (NOT u.own OR sub.id = u.org)
        JOIN ${PrismaValues.raw(`"${table}"`)} x ON x."orgId" = sub.id AND ${at} >= u."from" AND ${at} < u."to"
        CROSS JOIN LATERAL ${PrismaValues.raw(facts)}(x) f
      WHERE u.source = ${source} AND f.source = ${source} AND ${at} >= ${from} AND ${at} < ${to}`;
  });
  const figures = [...new Set(units.map((u) => u.figure))];
  const patterns = figures.flatMap((f) =>
    partPatterns(FIGURES[f].parts).map((p) => ({ f, s: FIGURES[f].source, v: p.value, p: p.prefix })),
  );
  const rows = await db.$queryRaw<{ i: number; n: number }[]>`
    WITH RECURSIVE p AS (
      SELECT * FROM unnest(${patterns.map((x) => x.f)}::text[], ${patterns.map((x) => x.s)}::text[],
        ${patterns.map((x) => x.v)}::text[], ${patterns.map((x) => x.p)}::bool[]) AS p(figure, source, value, prefix)
    ), u AS MATERIALIZED (
      SELECT u.i, u.org, u.figure, u.source, u."from", u."to", u.own
      FROM unnest(${units.map((_, i) => i)}::int[], ${units.map((u) => u.orgId)}::uuid[],
        ${units.map((u) => u.figure)}::text[], ${units.map((u) => FIGURES[u.figure].source)}::text[],
        ${units.map((u) => u.from)}::timestamptz[], ${units.map((u) => u.to)}::timestamptz[],
        ${units.map((u) => u.own === true)}::bool[])
        AS u(i, org, figure, source, "from", "to", own)
    ), sub(id, unit) AS (
      -- Each unit's subtree, down the parent index (a prefix test per unit and org is far slower);
      -- an org asked for only for its own records is not walked down.
      SELECT org, org FROM u
      UNION
      SELECT o.id, sub.unit FROM "OrgUnit" o JOIN sub ON o."parentId" = sub.id
      WHERE EXISTS (SELECT 1 FROM u WHERE u.org = sub.unit AND NOT u.own)
    ), r AS (${PrismaValues.join(selects, ' UNION ALL ')})
    SELECT r.i::int AS i, count(*)::int AS n
    FROM r
    WHERE EXISTS (
      SELECT 1 FROM p WHERE p.figure = r.figure AND p.source = r.source
        AND CASE WHEN p.prefix THEN starts_with(r.part, p.value) ELSE r.part = p.value END)
    GROUP BY r.i`;
  const out = units.map(() => 0);
  for (const r of rows) out[r.i] = r.n;
  return out;
}
