// Crash safety, shown with real processes (issue 7 item 3): writers create activities over HTTP,
// each logical record with its own Idempotency-Key and a unique title, retrying with the same key
// on any failure (connection refused or reset, timeout, 5xx, 409 in progress; and some answers
// they stop waiting for on purpose) until the API acknowledges it with 201; meanwhile the API process is killed with SIGKILL at random moments and
// started again. Afterwards the database must hold every acknowledged record exactly once (the
// acknowledged id, one row per title, one CREATE audit event) and the audit chain must verify.
// Shared by apps/api/test/chaos.test.ts (3 kills) and `pnpm test:chaos` (scripts/chaos.ts, 20).
import { randomBytes } from 'node:crypto';
import type { AuditVerifyResult } from '@dutyboard/contracts/audit';
import { createPrisma } from '@dutyboard/db/client';
import { verifyAuditChain } from '../../src/services/audit/verify.ts';
import { type ApiProcess, apiProcess } from './api-process.ts';
import { activityInput } from './fixtures.ts';

export interface ChaosOptions {
  databaseUrl: string;
  dataDir: string;
  port: number;
  /** How many times the API is killed with SIGKILL (and started again). */
  kills: number;
  /** Who writes: a user that may create activities in orgId. */
  username: string;
  password: string;
  orgId: string;
  /** Writers working at the same time (more writers, more transactions cut off mid-way). */
  writers?: number;
  /** How long the API runs between being healthy and being killed, in ms (uniformly random). */
  upMs?: [number, number];
  /** How long it stays dead before being started again, in ms (uniformly random). */
  downMs?: [number, number];
  /**
   * Share of attempts whose answer the writer stops waiting for after a few milliseconds, as a
   * phone on a bad connection does: the server usually still commits, so the retry must be
   * answered from the stored key. A SIGKILL lands between commit and answer only now and then;
   * this makes the "committed but not acknowledged" case happen on every run.
   */
  abandonRate?: number;
  log?: (line: string) => void;
}

export interface ChaosResult {
  kills: number;
  /** Logical records the API acknowledged with 201. */
  acknowledged: number;
  /** HTTP attempts, and those that failed (refused, reset, timed out, 5xx, 409) and were retried. */
  attempts: number;
  retried: number;
  /** Acknowledgements that were replays (header Idempotency-Replayed): the first answer was lost. */
  replayed: number;
  /** Attempts the writer gave up waiting for on purpose (abandonRate). */
  abandoned: number;
  /** Acknowledged records missing from the database, or stored under another id. */
  lost: number;
  /** Extra rows beyond one per logical record. */
  duplicated: number;
  /** Rows of this run that no writer saw acknowledged (a write the client could not know about). */
  unacknowledgedRows: number;
  /** Acknowledged records without exactly one CREATE audit event. */
  auditMismatches: number;
  /** The retried failures by kind: an HTTP status, or the client error's name (refused, reset, timeout). */
  failures: Record<string, number>;
  /** Answers that are neither success nor a failure worth retrying (e.g. 400, 401, 422). */
  unexpected: string[];
  chain: AuditVerifyResult;
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = ([min, max]: [number, number]) => min + Math.random() * (max - min);

/** Retried: the request may or may not have been done; the same key makes the retry safe. */
const RETRYABLE = (status: number) => status >= 500 || status === 409;
/**
 * A record not acknowledged within this long counts as unexpected. Time, not a number of tries:
 * while the API is down every try is refused at once, and a start takes seconds on a busy machine.
 */
const RECORD_DEADLINE_MS = 180_000;

export async function signIn(api: ApiProcess, username: string, password: string): Promise<string> {
  let last = '';
  for (let attempt = 1; attempt <= 20; attempt++) {
    try {
      const res = await fetch(`${api.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status === 200) {
        const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dutyboard_session='));
        if (cookie) return cookie.split(';')[0] as string;
      }
      last = `${res.status} ${await res.text()}`;
      if (!RETRYABLE(res.status)) break;
    } catch (error) {
      last = String(error);
    }
    await sleep(200);
  }
  throw new Error(`sign-in as ${username} failed: ${last}\n${api.output()}`);
}

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const run = randomBytes(4).toString('hex');
  const prefix = `混沌-${run}-`;
  const api = apiProcess({ port: options.port, databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const prisma = createPrisma(options.databaseUrl, { max: 2 });
  const acked = new Map<string, string>();
  const unexpected: string[] = [];
  const failures: Record<string, number> = {};
  const failed = (kind: string) => {
    failures[kind] = (failures[kind] ?? 0) + 1;
  };
  let attempts = 0;
  let retried = 0;
  let replayed = 0;
  let abandoned = 0;
  const abandonRate = options.abandonRate ?? 0.3;
  let next = 0;
  let writing = true;
  /** Set when the run fails: writers stop retrying at once. */
  let aborted = false;
  let kills = 0;

  try {
    await api.start();
    const cookie = await signIn(api, options.username, options.password);

    /** Creates one logical record, retrying with the same key until it is acknowledged. */
    const writeOne = async (index: number) => {
      const title = `${prefix}${index}`;
      const body = JSON.stringify(activityInput(options.orgId, { title }));
      const key = `chaos-${run}-${index}`;
      const deadline = Date.now() + RECORD_DEADLINE_MS;
      while (Date.now() < deadline) {
        if (aborted) return;
        attempts += 1;
        const abandon = Math.random() < abandonRate;
        try {
          const res = await fetch(`${api.url}/api/activities`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'idempotency-key': key },
            body,
            // Roughly a create's own duration: sometimes before the commit, often after it.
            signal: AbortSignal.timeout(abandon ? Math.round(between([20, 400])) : 10_000),
          });
          const text = await res.text();
          if (res.status === 201) {
            acked.set(title, (JSON.parse(text) as { id: string }).id);
            if (res.headers.get('idempotency-replayed') === 'true') replayed += 1;
            return;
          }
          if (!RETRYABLE(res.status)) {
            unexpected.push(`${title}: ${res.status} ${text.slice(0, 200)}`);
            return;
          }
          failed(String(res.status));
        } catch (error) {
          // Refused (the API is down), reset (killed mid-request) or timed out: retry below.
          const cause = (error as { cause?: { code?: string } }).cause;
          const name = (error as Error).name;
          if (abandon && name === 'TimeoutError') abandoned += 1;
          failed(abandon && name === 'TimeoutError' ? 'abandoned' : (cause?.code ?? name));
        }
        retried += 1;
        await sleep(50 + Math.random() * 150);
      }
      unexpected.push(`${title}: not acknowledged within ${RECORD_DEADLINE_MS / 1000} s`);
    };

    const writers = Array.from({ length: options.writers ?? 4 }, async () => {
      while (writing) await writeOne(next++);
    });

    for (let k = 1; k <= options.kills; k++) {
      await sleep(between(options.upMs ?? [300, 1500]));
      await api.kill();
      kills += 1;
      log(`kill ${k}/${options.kills}: ${acked.size} acknowledged so far`);
      await sleep(between(options.downMs ?? [0, 300]));
      await api.start();
    }
    // Let the writers see the last restart through, then let each finish its record.
    await sleep(500);
    writing = false;
    await Promise.all(writers);

    const rows = await prisma.activity.findMany({
      where: { title: { startsWith: prefix } },
      select: { id: true, title: true },
    });
    const byTitle = new Map<string, string[]>();
    for (const row of rows) byTitle.set(row.title, [...(byTitle.get(row.title) ?? []), row.id]);
    let lost = 0;
    for (const [title, id] of acked) {
      const ids = byTitle.get(title) ?? [];
      if (!ids.includes(id)) lost += 1;
    }
    let duplicated = 0;
    for (const ids of byTitle.values()) duplicated += ids.length - 1;
    const unacknowledgedRows = [...byTitle.keys()].filter((title) => !acked.has(title)).length;
    const events = await prisma.auditEvent.groupBy({
      by: ['entityId'],
      where: { entityType: 'Activity', action: 'CREATE', entityId: { in: [...acked.values()] } },
      _count: { _all: true },
    });
    const eventsPerId = new Map(events.map((e) => [e.entityId, e._count._all]));
    const auditMismatches = [...acked.values()].filter((id) => eventsPerId.get(id) !== 1).length;
    const chain = await verifyAuditChain(prisma);

    return {
      kills,
      acknowledged: acked.size,
      attempts,
      retried,
      replayed,
      abandoned,
      lost,
      duplicated,
      unacknowledgedRows,
      auditMismatches,
      failures,
      unexpected,
      chain,
      ms: Date.now() - started,
    };
  } finally {
    writing = false;
    aborted = true;
    await api.stop();
    await prisma.$disconnect();
  }
}
