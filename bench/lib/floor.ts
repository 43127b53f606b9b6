// The floor the dashboard is measured against: the same figures asked of PostgreSQL directly, by
// the fastest SQL we can write, in ONE statement and one round trip, with no HTTP, no sign-in, no
// permission check, no JSON shaping in Node. `dashboardFloor` reads what the API reads (rollups +
// deltas, targets, the period's tasks, the open alerts) and answers the database's own JSON;
// `rawCountFloor` counts the record tables themselves, as the dashboard did before the rollups
// (ADR 018), to show what counting raw rows costs at city scale. `createFloor` runs the API's
// create transaction in raw `pg`, for the creates' API/floor ratio (ADR 028).
import { createHash } from 'node:crypto';
import { periodFromCode, periodMonths } from '@dutyboard/contracts/periods';
import { auditAppendArgument } from '../../apps/api/src/services/audit/chain.ts';
import type { Client } from './pg.ts';
import { type LatencySummary, Samples } from './stats.ts';

const DAY_MS = 24 * 3600 * 1000;

export async function dashboardFloor(
  client: Client,
  { orgId, period }: { orgId: string; period: string },
): Promise<unknown> {
  const ref = periodFromCode(period);
  const months = periodMonths(ref);
  const lateBefore = new Date(Date.now() - DAY_MS);
  const { rows } = await client.query(
    `WITH org AS (SELECT id, path FROM "OrgUnit" WHERE id = $1::uuid),
     r AS (
       SELECT "orgId", month, source, part, n FROM "CountRollup" WHERE "orgId" = $1::uuid
       UNION ALL SELECT "orgId", month, source, part, n FROM "CountDelta" WHERE "orgId" = $1::uuid),
     own AS (
       SELECT month, source, part, sum(n)::int AS n FROM r
       WHERE month BETWEEN $2 AND $3 OR month = '*' OR (source = 'alert' AND month ~ '^[0-9]{4}$') GROUP BY 1, 2, 3),
     kids AS (
       SELECT x."orgId", x.source,
              CASE x.source WHEN 'study' THEN split_part(x.part, ':', 1) WHEN 'activity' THEN
                CASE x.part WHEN 'PARTY_LECTURE' THEN x.part ELSE 'OTHER' END WHEN 'check' THEN x.part ELSE '' END AS part,
              sum(x.n)::int AS n
       FROM (SELECT "orgId", month, source, part, n FROM "CountRollup"
             UNION ALL SELECT "orgId", month, source, part, n FROM "CountDelta") x
       JOIN "OrgUnit" c ON c.id = x."orgId"
       WHERE c."parentId" = $1::uuid AND x.month = $8
         AND x.source IN ('study', 'activity', 'publicity', 'check', 'alert')
       GROUP BY 1, 2, 3),
     per AS (SELECT id FROM "Period" WHERE kind = $4::"PeriodKind" AND year = $5 AND index = $6),
     targets AS (
       SELECT t."orgId", t.metric, t.value FROM "Target" t, per
       WHERE t."periodId" = per.id AND (t."orgId" = $1::uuid OR t."orgId" IN (SELECT id FROM "OrgUnit" WHERE "parentId" = $1::uuid))),
     tasks AS (
       SELECT a."ownerId", count(*) FILTER (WHERE a.status = 'DONE') AS done,
              count(*) FILTER (WHERE a.status = 'OPEN' AND a."dueAt" <= $7) AS overdue
       FROM "Assignment" a JOIN per ON per.id = a."periodId" JOIN "OrgUnit" o ON o.id = a."orgId", org
       WHERE o.path LIKE org.path || '%'
       GROUP BY 1),
     alerts AS (
       SELECT a.id, a.level, a.state, a."reportDueAt", a."reportedAt", o.name
       FROM "RiskAlert" a JOIN "OrgUnit" o ON o.id = a."orgId", org
       WHERE a.state <> 'CLOSED' AND o.path LIKE org.path || '%'
       ORDER BY a."reportedAt" ASC NULLS FIRST, a."reportDueAt", a.id LIMIT 10)
     SELECT json_build_object(
       'own', (SELECT json_agg(own) FROM own),
       'kids', (SELECT json_agg(kids) FROM kids),
       'targets', (SELECT json_agg(targets) FROM targets),
       'tasks', (SELECT json_agg(tasks) FROM tasks),
       'alerts', (SELECT json_agg(alerts) FROM alerts)) AS figures`,
    [orgId, months[0], months[months.length - 1], ref.kind, ref.year, ref.index, lateBefore, ref.code],
  );
  return rows[0]?.figures;
}

/** The period's counts straight from the record tables (one grouped pass per table), no rollups. */
export async function rawCountFloor(
  client: Client,
  { orgId, period }: { orgId: string; period: string },
): Promise<unknown> {
  const ref = periodFromCode(period);
  const grouped = (table: string, date: string, part: string) =>
    `SELECT split_part(substr(o.path, length(org.path) + 1), '/', 1) AS child,
            to_char(${date} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, ${part} AS part, count(*) AS n
     FROM ${table} JOIN "OrgUnit" o ON o.id = x."orgId", org
     WHERE o.path LIKE org.path || '%' AND ${date} >= $2 AND ${date} < $3 GROUP BY 1, 2, 3`;
  const { rows } = await client.query(
    `WITH org AS (SELECT path FROM "OrgUnit" WHERE id = $1::uuid)
     SELECT json_build_object(
       'study', (SELECT json_agg(s) FROM (${grouped('"StudySession" x', 'x."occurredAt"', 'x.kind::text')}) s),
       'activity', (SELECT json_agg(s) FROM (${grouped('"Activity" x', 'x."occurredAt"', 'x.category::text')}) s),
       'publicity', (SELECT json_agg(s) FROM (${grouped('"PublicityItem" x', 'x."publishedAt"', 'x.level::text')}) s),
       'checks', (SELECT json_agg(s) FROM (${grouped('"RiskPointCheck" x', 'x."checkedAt"', 'x."onTime"::text')}) s),
       'alerts', (SELECT json_agg(s) FROM (${grouped('"RiskAlert" x', 'x."registeredAt"', "x.level::text || ':' || x.state::text")}) s)
     ) AS figures`,
    [orgId, ref.startsAt, ref.endsAt],
  );
  return rows[0]?.figures;
}

/**
 * The floor the creates are measured against: the API's create transaction (runWrite with an
 * Idempotency-Key around the activity service, ADR 009/028) as raw `pg` statements on `connections`
 * connections of their own, with no HTTP, no sign-in, no Prisma: the try-lock on the key, the
 * stored answer looked up, the org read for the reach check, the insert, the answer stored, and
 * the audit event appended last by the same audit_append call with the same canonical text.
 */
export async function createFloor(
  clients: readonly Client[],
  writers: readonly { userId: string; orgId: string }[],
  body: (n: number, orgId: string) => string,
  options: { seconds: number; warmupSeconds: number },
): Promise<{ creates: number; seconds: number; reqPerSec: number; latencyMs: LatencySummary }> {
  let seq = 0;
  const one = async (client: Client) => {
    const n = seq++;
    const writer = writers[n % writers.length] as (typeof writers)[number];
    const input = JSON.parse(body(n, writer.orgId)) as Record<string, unknown>;
    const key = `floor-${Date.now().toString(36)}-${n}`;
    await client.query('BEGIN');
    try {
      const { rows: lock } = await client.query('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked', [
        `${writer.userId}:${key}`,
      ]);
      if (!lock[0]?.locked) throw new Error('idempotency key locked');
      await client.query('SELECT * FROM "IdempotencyKey" WHERE "userId" = $1 AND key = $2', [writer.userId, key]);
      const { rows: org } = await client.query('SELECT * FROM "OrgUnit" WHERE id = $1', [writer.orgId]);
      if (!org[0]) throw new Error('no such org');
      const { rows } = await client.query(
        `INSERT INTO "Activity" (id, "orgId", category, title, "occurredAt", location, participants, description,
           "createdById", "updatedById", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $8, now()) RETURNING *`,
        [
          writer.orgId,
          input.category,
          input.title,
          input.occurredAt,
          input.location,
          input.participants,
          input.description,
          writer.userId,
        ],
      );
      const row = rows[0] as Record<string, unknown>;
      await client.query(
        `INSERT INTO "IdempotencyKey" ("userId", key, "requestHash", status, body) VALUES ($1, $2, $3, 201, $4)`,
        [writer.userId, key, createHash('sha256').update(JSON.stringify(input)).digest('hex'), JSON.stringify(row)],
      );
      const entry = {
        actorId: writer.userId,
        action: 'CREATE' as const,
        entityType: 'Activity',
        entityId: String(row.id),
        orgId: writer.orgId,
        after: row,
      };
      await client.query('SELECT audit_append($1::jsonb)', [auditAppendArgument([entry])]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };
  const run = async (seconds: number, samples: Samples | null) => {
    const until = performance.now() + seconds * 1000;
    let done = 0;
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < until) {
          const t0 = performance.now();
          await one(client);
          samples?.add(performance.now() - t0);
          done += 1;
        }
      }),
    );
    return { done, elapsed: (performance.now() - started) / 1000 };
  };
  if (options.warmupSeconds > 0) await run(options.warmupSeconds, null);
  const samples = new Samples();
  const { done, elapsed } = await run(options.seconds, samples);
  return { creates: done, seconds: elapsed, reqPerSec: done / elapsed, latencyMs: samples.summary() };
}
