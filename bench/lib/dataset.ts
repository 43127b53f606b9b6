// What `pnpm bench` measures against, found by SQL in the seeded database: the root org (the city),
// the 区 (DISTRICT_COMMITTEE), the street (街道 or 乡镇) and the branch with the most activities in the
// measured period, the accounts to sign in as (the city's leader, that 区's and that street's own
// LEADER, branch secretaries), the row counts of the data set, and the machine it all runs on.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { ORG_KINDS, type OrgLevel, orgLevelOf } from '@dutyboard/contracts/orgs';
import { BenchError } from './load.ts';
import type { Client as PgClient } from './pg.ts';

export interface OrgRef {
  id: string;
  code: string;
  name: string;
  path: string;
  /** Activities in the measured period in its subtree. */
  activities: number;
}

export interface BenchSubjects {
  city: OrgRef;
  district: OrgRef;
  street: OrgRef;
  branch: OrgRef;
  /** LEADER at the root: reads the city dashboard, the lists, the DOCX and the LCP page. */
  leader: string;
  /** LEADER at `district`: reads the 区 dashboard. */
  districtLeader: string;
  /** LEADER at `street`: reads the street dashboard. */
  streetLeader: string;
  /** Branch secretaries who create activities, each in their own branch (outside the measured street). */
  writers: { username: string; orgId: string }[];
}

/** Tables whose sizes describe the data set, in the order the report lists them. */
export const COUNTED_TABLES = [
  'OrgUnit',
  'User',
  'Activity',
  'StudySession',
  'PublicityItem',
  'RiskPoint',
  'RiskPointCheck',
  'RiskAlert',
  'RiskAlertEvent',
  'Assignment',
  'Rectification',
  'Target',
  'AuditEvent',
] as const;

export async function rowCounts(client: PgClient): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** Refuses an empty or unseeded database with a sentence saying what to run. */
export async function assertSeeded(client: PgClient, name: string): Promise<void> {
  const tables = await client.query<{ ok: boolean }>(`SELECT to_regclass('"Activity"') IS NOT NULL AS ok`);
  if (!tables.rows[0]?.ok) {
    throw new BenchError(
      `database ${name} has no Dutyboard tables: run pnpm bench:seed first (same BENCH_DB/BENCH_PG_PORT)`,
    );
  }
  const { rows } = await client.query<{ orgs: string; activities: string }>(
    `SELECT (SELECT count(*) FROM "OrgUnit") AS orgs, (SELECT count(*) FROM (SELECT 1 FROM "Activity" LIMIT 1) a) AS activities`,
  );
  if (Number(rows[0]?.orgs) === 0 || Number(rows[0]?.activities) === 0) {
    throw new BenchError(`database ${name} is empty: run pnpm bench:seed first (same BENCH_DB/BENCH_PG_PORT)`);
  }
}

export async function findSubjects(
  client: PgClient,
  period: { startsAt: Date; endsAt: Date },
  preferredLeader: string | undefined,
  writerCount: number,
): Promise<BenchSubjects> {
  // The root with the largest tree is the city (the bench seed has one root).
  const root = await client.query<{ id: string; code: string; name: string; path: string }>(
    `SELECT r.id, r.code, r.name, r.path FROM "OrgUnit" r
      WHERE r."parentId" IS NULL
      ORDER BY (SELECT count(*) FROM "OrgUnit" o WHERE o.path LIKE r.path || '%') DESC, r.code
      LIMIT 1`,
  );
  const cityRow = root.rows[0];
  if (!cityRow) throw new BenchError('no root org: run pnpm bench:seed first');

  // Activities of the period per org once, then rolled up to every org of one level (by its kinds)
  // below the root through the materialised path: the busiest 区 and the busiest street.
  const busiest = async (level: OrgLevel, what: string) => {
    const kinds = ORG_KINDS.filter((k) => orgLevelOf(k) === level);
    const { rows } = await client.query<{ id: string; code: string; name: string; path: string; n: string }>(
      `WITH per_org AS (
         SELECT "orgId", count(*) AS n FROM "Activity"
          WHERE "occurredAt" >= $1 AND "occurredAt" < $2 GROUP BY "orgId"
       ), per_level AS (
         SELECT s.id, sum(p.n) AS n
           FROM per_org p JOIN "OrgUnit" o ON o.id = p."orgId"
           JOIN "OrgUnit" s ON o.path LIKE s.path || '%'
          WHERE s.kind::text = ANY($4) AND s."parentId" IS NOT NULL AND s.path LIKE $3 || '_%'
          GROUP BY 1
       )
       SELECT s.id, s.code, s.name, s.path, pl.n FROM per_level pl JOIN "OrgUnit" s ON s.id = pl.id
        ORDER BY pl.n DESC, s.code LIMIT 1`,
      [period.startsAt, period.endsAt, cityRow.path, kinds],
    );
    const row = rows[0];
    if (!row)
      throw new BenchError(
        `no ${what} (${kinds.join('/')}) with activity in the measured period below ${cityRow.name}: ` +
          'run pnpm bench:seed (the city of 市 → 区 → 街道 → 支部) or pick another BENCH_PERIOD',
      );
    return row;
  };
  const districtRow = await busiest('DISTRICT', '区');
  const streetRow = await busiest('STREET', 'street');

  // The busiest leaf (an org without children: a branch) in the whole city.
  const perBranch = await client.query<{ id: string; code: string; name: string; path: string; n: string }>(
    `SELECT o.id, o.code, o.name, o.path, count(*) AS n
       FROM "Activity" a JOIN "OrgUnit" o ON o.id = a."orgId"
      WHERE a."occurredAt" >= $1 AND a."occurredAt" < $2
        AND NOT EXISTS (SELECT 1 FROM "OrgUnit" c WHERE c."parentId" = o.id)
      GROUP BY o.id ORDER BY n DESC, o.code LIMIT 1`,
    [period.startsAt, period.endsAt],
  );
  const branchRow = perBranch.rows[0];
  if (!branchRow) throw new BenchError('no branch has activities in the measured period');

  const cityTotal = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM "Activity" WHERE "occurredAt" >= $1 AND "occurredAt" < $2`,
    [period.startsAt, period.endsAt],
  );

  const leaders = await client.query<{ username: string }>(
    `SELECT username FROM "User" WHERE role = 'LEADER' AND active AND "orgId" = $1
      ORDER BY (username = $2) DESC, username LIMIT 1`,
    [cityRow.id, preferredLeader ?? ''],
  );
  const leader = leaders.rows[0]?.username;
  if (!leader) throw new BenchError(`no active LEADER account at the root org ${cityRow.name}: run pnpm bench:seed`);
  /** The first active LEADER whose home is the org itself (scope: its subtree). */
  const ownLeader = async (org: { id: string; name: string }) => {
    const { rows } = await client.query<{ username: string }>(
      `SELECT username FROM "User" WHERE role = 'LEADER' AND active AND "orgId" = $1 ORDER BY username LIMIT 1`,
      [org.id],
    );
    const username = rows[0]?.username;
    if (!username) throw new BenchError(`no active LEADER account at ${org.name}: run pnpm bench:seed`);
    return username;
  };
  const districtLeader = await ownLeader(districtRow);
  const streetLeader = await ownLeader(streetRow);

  // Writers: secretaries of branches (not of streets) in other streets, so the creates change
  // neither the measured street nor the drilled branch (the city's own figures move by what a run
  // adds); the measured street's own only when there are no others.
  const writers = await client.query<{ username: string; orgId: string }>(
    `SELECT u.username, u."orgId" FROM "User" u JOIN "OrgUnit" o ON o.id = u."orgId"
      WHERE u.role = 'SECRETARY' AND u.active
      ORDER BY (o.path LIKE $1 || '%' OR o.id = $2) ASC,
               EXISTS (SELECT 1 FROM "OrgUnit" c WHERE c."parentId" = o.id) ASC,
               u.username
      LIMIT $3`,
    [streetRow.path, branchRow.id, writerCount],
  );
  if (writers.rows.length === 0) throw new BenchError('no active SECRETARY account to create activities with');

  const ref = (r: { id: string; code: string; name: string; path: string }, n: number | string): OrgRef => ({
    id: r.id,
    code: r.code,
    name: r.name,
    path: r.path,
    activities: Number(n),
  });
  return {
    city: ref(cityRow, cityTotal.rows[0]?.n ?? 0),
    district: ref(districtRow, districtRow.n),
    street: ref(streetRow, streetRow.n),
    branch: ref(branchRow, branchRow.n),
    leader,
    districtLeader,
    streetLeader,
    writers: writers.rows,
  };
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  postgres: string;
  databaseSizeMb: number;
}

export async function machineInfo(client: PgClient): Promise<MachineInfo> {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() has it
  }
  const pgInfo = await client.query<{ version: string; size: string }>(
    `SELECT current_setting('server_version') AS version, pg_database_size(current_database()) AS size`,
  );
  return {
    cpu,
    cores: os.availableParallelism(),
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: pgInfo.rows[0]?.version ?? 'unknown',
    databaseSizeMb: Math.round(Number(pgInfo.rows[0]?.size ?? 0) / 1024 ** 2),
  };
}
