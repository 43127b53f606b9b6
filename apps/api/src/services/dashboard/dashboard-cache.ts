// Dashboard answers kept in memory (ADR 029), so a repeated view costs a permission check, one
// small statement (the org and the state) and a lookup instead of a rebuild. An answer is kept under whose view it is
// (org, period, the caller's role and home org: the trail and the reach depend on them) with the
// name of the database state it was read at (rollups/rollups.ts `rollupState`), and is served
// again only while that state is unchanged and before the first instant its clock-driven figures
// would differ (a pace, an overdue task). The reach check runs on every request, before the
// lookup. Each page of the branch and owner tables is kept as the JSON it is sent as.
import type { Dashboard, DashboardPagedParams } from '@dutyboard/contracts/dashboard';
import type { PrismaClient } from '@dutyboard/db/client';
import type { AuthUser } from '../auth/sessions.ts';
import { reachableOrg } from '../orgs/scope.ts';
import { ROLLUP_STATE_SQL } from '../rollups/rollups.ts';
import { buildDashboard, dashboardPage, dashboardPeriod, type Org } from './dashboard.ts';

/** A map that forgets its least recently used entries beyond a total size. */
export class SizedLru<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private total = 0;
  constructor(readonly maxSize: number) {}

  get size(): number {
    return this.total;
  }
  get count(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores (or re-sizes) an entry as the most recent; one larger than the whole cap is not kept. */
  set(key: string, value: V, size: number): void {
    this.delete(key);
    if (size > this.maxSize) return;
    this.entries.set(key, { value, size });
    this.total += size;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxSize) break;
      this.entries.delete(oldest);
      this.total -= entry.size;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.size;
  }
}

/** JSON text of answers kept at most (UTF-16 code units, counted twice for the objects behind them). */
export const DASHBOARD_CACHE_MAX_SIZE = 32 * 1024 * 1024;
/** An answer is rebuilt at least this often, whatever else holds. */
export const DASHBOARD_CACHE_MAX_AGE_MS = 5 * 60 * 1000;

interface Entry {
  state: string;
  /** Served before this instant only (ms). */
  until: number;
  answer: Dashboard;
  answerSize: number;
  pages: Map<string, string>;
}

export interface DashboardCache {
  /** One page of the dashboard as JSON text, from the cache or freshly built. */
  page(user: AuthUser, query: DashboardPagedParams, now?: Date): Promise<string>;
  readonly stats: { hits: number; builds: number; entries: () => number; size: () => number };
}

export function createDashboardCache(
  prisma: PrismaClient,
  options: { maxSize?: number; maxAgeMs?: number } = {},
): DashboardCache {
  const lru = new SizedLru<Entry>(options.maxSize ?? DASHBOARD_CACHE_MAX_SIZE);
  const maxAgeMs = options.maxAgeMs ?? DASHBOARD_CACHE_MAX_AGE_MS;
  /** Builds in flight, so simultaneous misses of one view at one state read once. */
  const building = new Map<string, Promise<Entry>>();
  const stats = { hits: 0, builds: 0, entries: () => lru.count, size: () => lru.size };

  async function build(
    key: string,
    state: string,
    user: AuthUser,
    org: Parameters<typeof buildDashboard>[2],
    query: DashboardPagedParams,
    now: Date,
  ): Promise<Entry> {
    stats.builds += 1;
    const { answer, changesAt } = await buildDashboard(prisma, user, org, dashboardPeriod(query, now), now);
    const until = Math.min(now.getTime() + maxAgeMs, changesAt?.getTime() ?? Number.POSITIVE_INFINITY);
    const answerSize = 2 * JSON.stringify(answer).length;
    const entry: Entry = { state, until, answer, answerSize, pages: new Map() };
    lru.set(key, entry, answerSize);
    return entry;
  }

  /**
   * The requested org and the state's name in one raw statement: a cache hit costs this and the
   * session's statement, and nothing through Prisma's query compiler. The org comes back as the
   * row Prisma would answer (every column, by its own name and type).
   */
  async function orgAndState(orgId: string): Promise<{ org: Org | null; state: string }> {
    const [row] = await prisma.$queryRawUnsafe<({ state: string } & Partial<Org>)[]>(
      `SELECT ${ROLLUP_STATE_SQL} AS state, o.* FROM (SELECT 1) AS one
         LEFT JOIN "OrgUnit" o ON o.id = $1::uuid`,
      orgId,
    );
    if (!row) return { org: null, state: '' };
    const { state, ...org } = row;
    return { org: org.id ? (org as Org) : null, state };
  }

  async function page(user: AuthUser, query: DashboardPagedParams, now = new Date()): Promise<string> {
    const read = await orgAndState(query.org ?? user.orgId);
    const org = reachableOrg(user, read.org);
    const { state } = read;
    const key = [org.id, dashboardPeriod(query, now).code, user.role, user.orgPath].join('|');
    let entry = lru.get(key);
    if (entry && entry.state === state && now.getTime() < entry.until) {
      stats.hits += 1;
    } else {
      const flight = `${key}@${state}`;
      let pending = building.get(flight);
      if (!pending) {
        pending = build(key, state, user, org, query, now).finally(() => building.delete(flight));
        building.set(flight, pending);
      }
      entry = await pending;
    }
    const pageKey = `${query.branchPage}|${query.ownerPage}|${query.tableSize}`;
    let text = entry.pages.get(pageKey);
    if (text === undefined) {
      text = JSON.stringify(dashboardPage(entry.answer, query));
      entry.pages.set(pageKey, text);
      let size = entry.answerSize;
      for (const t of entry.pages.values()) size += t.length;
      if (lru.get(key) === entry) lru.set(key, entry, size);
    }
    return text;
  }

  return { page, stats };
}
