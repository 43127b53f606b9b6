// The API fuzzer's engine: the route table (collected from the app with Fastify's onRoute), a
// request arbitrary per route (role, path params, query, headers, body — JSON, junk content
// types, multipart with junk files — from the route's own zod schemas), and the oracle: no 5xx,
// every 4xx in the error shape, and nothing written by a rejected request (row counts and
// versions of every table, the audit trail, the files under DATA_DIR).
import { readdirSync } from 'node:fs';
import { UploadAttachmentFieldsSchema } from '@dutyboard/contracts/attachments';
import { ErrorBodySchema } from '@dutyboard/contracts/errors';
import type { PrismaClient } from '@dutyboard/db/client';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, RouteOptions } from 'fastify';
import { login, PASSWORD } from '../helpers/fixtures.ts';
import { multipart } from '../helpers/multipart.ts';
import { arbitraryFor, fuzzValues, HOSTILE_STRINGS, HUGE, junk, type Schema } from './arbitraries.ts';

// ---------------------------------------------------------------------------------------------
// The route table.

export interface FuzzRoute {
  method: string;
  url: string;
  body?: Schema;
  querystring?: Schema;
  params?: Schema;
  headers?: Schema;
  permission?: string;
}

/** Collects routes as buildApp adds them (pass `collector.onRoute` as buildApp's onRoute). */
export function routeCollector() {
  const routes: FuzzRoute[] = [];
  return {
    routes,
    onRoute(route: RouteOptions) {
      if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
      const schema = (route.schema ?? {}) as Partial<Record<'body' | 'querystring' | 'params' | 'headers', Schema>>;
      const permission = (route.config as { permission?: string } | undefined)?.permission;
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue; // Fastify's automatic HEAD twin of a GET
        routes.push({ method, url: route.url, ...schema, permission });
      }
    },
  };
}

/**
 * Routes that read multipart/form-data themselves (no body schema on the route): the zod schema
 * of their text fields, or null when all fields are in the query. A new upload route belongs
 * here, or it is fuzzed with JSON bodies only.
 */
export const MULTIPART_ROUTES: Record<string, Schema | null> = {
  'POST /api/attachments': UploadAttachmentFieldsSchema,
  'POST /api/imports': null,
};

// ---------------------------------------------------------------------------------------------
// Requests.

/** The fixture's callers, and (ADR 035) the 区's reviewer and a sibling street's admin above and beside it. */
/** The tables of records (and their plan) that only writing roles change. */
const RECORD_TABLES = [
  'Activity',
  'StudySession',
  'PublicityItem',
  'RiskPoint',
  'RiskPointCheck',
  'RiskAlert',
  'Rectification',
  'Assignment',
  'Target',
  'FrequencyRule',
  'ReportDraft',
  'Attachment',
  'OrgUnit',
  'User',
];

export type Role = 'leader' | 'secA' | 'auditor' | 'admin' | 'dReviewer' | 's2Admin' | 'anonymous';
const ROLES: Role[] = ['leader', 'secA', 'auditor', 'admin', 'dReviewer', 's2Admin'];

/**
 * Ids the fuzzer may put into paths: fixture orgs plus ids of records it has seen in answers.
 * The fuzzing users' own ids are never used: an admin PATCH could lock the fuzzer out.
 */
export class IdPool {
  readonly ids: string[];
  private readonly keep: number;
  constructor(
    seed: string[],
    private readonly excluded: ReadonlySet<string> = new Set(),
  ) {
    this.ids = [...seed];
    this.keep = seed.length;
  }
  resolve(text: string): string {
    return text.replace(POOL_REF, (_, kind: string, n: string) =>
      kind === 'org' ? (this.ids[Number(n) % this.keep] as string) : (this.ids[Number(n) % this.ids.length] as string),
    );
  }
  add(id: unknown) {
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id) || this.excluded.has(id) || this.ids.includes(id))
      return;
    this.ids.push(id);
    if (this.ids.length > 400) this.ids.splice(this.keep, 1); // keep the seed, drop the oldest
  }
}

const JUNK_SEGMENTS = [
  '..',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2F..%2F',
  '%00',
  '%',
  '%E0%A4%A',
  '%F0%9F%98%80',
  'null',
  'undefined',
  '-1',
  '0',
  '1e309',
  '%20',
  '00000000-0000-0000-0000-000000000000',
  'a'.repeat(199),
  'a'.repeat(201),
  'b'.repeat(5000),
  '%E5%85%9A',
];

const JUNK_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  'image/png',
  'application/octet-stream',
  '*/*',
  'application/json, text/html',
];

const RAW_JSON_BODIES = [
  '',
  '{',
  'null',
  '[]',
  '"x"',
  '{"a":NaN}',
  '{"a":1e999}',
  '{"a":-0}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  '\uFEFF{}',
  `{"a":"${HUGE}"}`,
];

const JUNK_FILES: { fileName: string; contentType: string; bytes: Buffer }[] = [
  { fileName: 'a.png', contentType: 'image/png', bytes: Buffer.from('89504e470d0a1a0a0000', 'hex') },
  { fileName: 'empty.pdf', contentType: 'application/pdf', bytes: Buffer.alloc(0) },
  {
    fileName: 'x.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: Buffer.from('PK\u0003\u0004junkjunk'),
  },
  { fileName: '../../../etc/passwd', contentType: 'text/plain', bytes: Buffer.from('root:x:0:0') },
  { fileName: '😀\u202Egpj.exe', contentType: 'application/x-msdownload', bytes: Buffer.from('MZ\u0090\u0000') },
  { fileName: `${'长'.repeat(300)}.jpg`, contentType: 'image/jpeg', bytes: Buffer.from('ffd8ffe000104a464946', 'hex') },
  { fileName: 'a\u0000b.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF') },
  { fileName: 'big.bin', contentType: 'application/octet-stream', bytes: Buffer.alloc(64 * 1024, 7) },
];

export interface FuzzRequest {
  role: Role;
  route: FuzzRoute;
  inject: InjectOptions;
}

const header = (v: unknown) =>
  String(v)
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 4000);

/** Query object → query string; nested values as JSON, arrays as repeated keys. */
function toQuery(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return value === undefined ? '' : `junk=${encodeURIComponent(JSON.stringify(value) ?? '')}`;
  }
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) {
      params.append(k, typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item));
    }
  }
  return params.toString();
}

function fillPath(url: string, params: Record<string, string>): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => params[name] ?? 'missing');
}

function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
}

/** Percent-encodes a path segment; a lone surrogate becomes the bytes of one (not UTF-8). */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ''))}%ED%A0%80`;
  }
}

/**
 * Stand for "the n-th org of the fixture" / "the n-th id of the pool" until the request is sent
 * (the pool grows meanwhile); used in paths, queries and bodies alike.
 */
const POOL_REF = /@@(org|id):(\d+)@@/g;
const poolId = fc.nat().map((n) => `@@id:${n}@@`);
/** Valid uuids in bodies and queries: mostly ids that exist, so valid requests reach the services. */
const KNOWN_IDS = {
  uuid: fc.oneof(
    fc.nat().map((n) => `@@org:${n}@@`),
    poolId,
  ),
};

/** One path parameter: a known id, a fresh uuid, a value from the params schema, or junk. */
function paramArbitrary(route: FuzzRoute, name: string): fc.Arbitrary<string> {
  const shape = (route.params?._zod.def as { shape?: Record<string, Schema> } | undefined)?.shape;
  const own = shape?.[name];
  const fromSchema = own ? arbitraryFor(own, 'valid', KNOWN_IDS).map(String) : fc.uuid({ version: 4 });
  return fc.oneof(
    { weight: 5, arbitrary: poolId },
    { weight: 2, arbitrary: fromSchema.map((v) => (v.startsWith('@@') ? v : encodeSegment(v))) },
    { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
    { weight: 2, arbitrary: fc.constantFrom(...JUNK_SEGMENTS) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map(encodeSegment) },
  );
}

function headersArbitrary(route: FuzzRoute): fc.Arbitrary<Record<string, string>> {
  const shape = (route.headers?._zod.def as { shape?: Record<string, Schema> } | undefined)?.shape ?? {};
  const names = Object.keys(shape);
  if (!names.length) return fc.constant({});
  return fc
    .tuple(
      ...names.map((n) =>
        fc.option(
          fc.oneof(
            arbitraryFor(shape[n] as Schema, 'valid', KNOWN_IDS),
            arbitraryFor(shape[n] as Schema, 'boundary'),
            fc.constantFrom('"1"', 'W/"1"', '*', '"999999999999"', 'x'.repeat(300), '"-1"'),
          ),
          { nil: undefined },
        ),
      ),
    )
    .map((values) => {
      const out: Record<string, string> = {};
      names.forEach((n, i) => {
        if (values[i] !== undefined) out[n] = header(values[i]);
      });
      return out;
    });
}

type BodyPart = { payload?: string | Buffer; contentType?: string };

function bodyArbitrary(route: FuzzRoute): fc.Arbitrary<BodyPart> {
  const key = `${route.method} ${route.url}`;
  if (key in MULTIPART_ROUTES) {
    const fields = MULTIPART_ROUTES[key];
    const fieldValues: fc.Arbitrary<unknown> = fields ? fuzzValues(fields, KNOWN_IDS) : fc.constant({});
    const mp = fc
      .tuple(
        fieldValues,
        fc.option(fc.constantFrom(...JUNK_FILES), { nil: undefined }),
        fc.constantFrom('file', 'file', 'upload', ''),
      )
      .map(([values, file, partName]): BodyPart => {
        const obj = values !== null && typeof values === 'object' && !Array.isArray(values) ? values : { x: values };
        const textFields = Object.fromEntries(
          Object.entries(obj as Record<string, unknown>).map(([k, v]) => [
            k.replace(/["\r\n]/g, '_'),
            typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
          ]),
        );
        const built = multipart(
          textFields,
          file && {
            name: partName,
            fileName: file.fileName.replace(/["\r\n]/g, '_'),
            contentType: file.contentType,
            bytes: file.bytes,
          },
        );
        return { payload: built.payload, contentType: built.contentType };
      });
    return fc.oneof(
      { weight: 4, arbitrary: mp },
      { weight: 1, arbitrary: jsonBody(undefined) },
      { weight: 1, arbitrary: junkBody },
    );
  }
  if (route.method === 'GET' || route.method === 'DELETE') {
    return fc.oneof({ weight: 6, arbitrary: fc.constant<BodyPart>({}) }, { weight: 1, arbitrary: jsonBody(undefined) });
  }
  return fc.oneof({ weight: 8, arbitrary: jsonBody(route.body) }, { weight: 2, arbitrary: junkBody });
}

function jsonBody(schema: Schema | undefined): fc.Arbitrary<BodyPart> {
  const values = schema ? fuzzValues(schema, KNOWN_IDS) : junk;
  return values.map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' }));
}

const junkBody: fc.Arbitrary<BodyPart> = fc.oneof(
  fc.constantFrom(...RAW_JSON_BODIES).map((payload) => ({ payload, contentType: 'application/json' })),
  fc
    .tuple(
      fc.constantFrom(...JUNK_CONTENT_TYPES),
      fc.oneof(fc.constantFrom(...RAW_JSON_BODIES), fc.string({ maxLength: 50 })),
    )
    .map(([contentType, payload]) => ({ contentType, payload })),
);

/** Every request the fuzzer may send to one route. */
export function requestArbitrary(route: FuzzRoute): fc.Arbitrary<FuzzRequest> {
  const names = paramNames(route.url);
  const params = names.length
    ? fc
        .tuple(...names.map((n) => paramArbitrary(route, n)))
        .map((vals) => Object.fromEntries(names.map((n, i) => [n, vals[i] as string])))
    : fc.constant({} as Record<string, string>);
  const query = route.querystring
    ? fc.oneof(
        { weight: 8, arbitrary: fuzzValues(route.querystring, KNOWN_IDS).map(toQuery) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'a=%ZZ',
            'limit=1&limit=2',
            `q=${'x'.repeat(20_000)}`,
            '__proto__[admin]=1',
            'constructor.prototype.x=1',
          ),
        },
      )
    : fc.oneof(
        { weight: 8, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: fc.constantFrom('x=1', '__proto__=1', 'a=%ZZ') },
      );
  const role = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...ROLES) },
    { weight: 1, arbitrary: fc.constant<Role>('anonymous') },
  );
  return fc.tuple(role, params, query, headersArbitrary(route), bodyArbitrary(route)).map(([who, p, q, h, b]) => {
    const url = fillPath(route.url, p) + (q ? `?${q}` : '');
    const headers: Record<string, string> = { ...h };
    if (b.contentType) headers['content-type'] = b.contentType;
    const inject: InjectOptions = { method: route.method as InjectOptions['method'], url, headers };
    if (b.payload !== undefined) inject.payload = b.payload;
    return { role: who, route, inject };
  });
}

// ---------------------------------------------------------------------------------------------
// The oracle: what the database and DATA_DIR hold, cheaply.

/**
 * Audit actions a refusal may write on purpose (sign-in failures and access denials are audited,
 * issue 7 item 5); every other audit event counts as a write.
 */
export const AUDITED_REFUSALS = ['LOGIN_FAILED', 'LOGIN_THROTTLED', 'ACCESS_DENIED'];

/**
 * Tables a refusal writes on purpose: the sign-in throttle reserves an attempt before the
 * password is checked, so a refused sign-in or password change leaves its attempt behind, and
 * the first refusal of an address in a window notes that its LOGIN_THROTTLED event was written.
 */
export const REFUSAL_BOOKKEEPING = new Set(['LoginAttempt', 'LoginThrottleNotice']);

export class StateProbe {
  private sql?: string;
  constructor(
    private readonly prisma: PrismaClient,
    private readonly dataDir: string,
  ) {}

  private async query(): Promise<string> {
    if (!this.sql) {
      const cols = await this.prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`;
      const tables = new Map<string, Set<string>>();
      for (const c of cols) tables.set(c.table_name, (tables.get(c.table_name) ?? new Set()).add(c.column_name));
      const parts = [...tables.entries()]
        .filter(([t]) => !REFUSAL_BOOKKEEPING.has(t))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([t, c]) => {
          const where =
            t === 'AuditEvent'
              ? ` WHERE "action"::text NOT IN (${AUDITED_REFUSALS.map((a) => `'${a}'`).join(',')})`
              : '';
          // `version` moves on every change of a record (optimistic concurrency), so updates show too.
          const version = c.has('version') ? 'coalesce(sum("version"),0)' : '0';
          return `SELECT '${t}' AS t, count(*)::text AS n, ${version}::text AS v FROM "${t}"${where}`;
        });
      this.sql = parts.join(' UNION ALL ');
    }
    return this.sql;
  }

  async snapshot(): Promise<Record<string, string>> {
    const rows = await this.prisma.$queryRawUnsafe<{ t: string; n: string; v: string }[]>(await this.query());
    const out: Record<string, string> = {};
    for (const r of rows) out[r.t] = `${r.n} rows, versions ${r.v}`;
    out.DATA_DIR = listFiles(this.dataDir);
    return out;
  }

  /** Waits until background jobs (evidence packs, import checks) are done and nothing moves. */
  async settle(timeoutMs = 20_000): Promise<Record<string, string>> {
    const until = Date.now() + timeoutMs;
    let last = await this.snapshot();
    for (;;) {
      const [{ busy }] = await this.prisma
        .$queryRawUnsafe<{ busy: number }[]>(
          `SELECT ((SELECT count(*) FROM "EvidencePack" WHERE state::text IN ('QUEUED','RUNNING'))
               + (SELECT count(*) FROM "ImportJob" WHERE state::text IN ('VALIDATING','COMMITTING')))::int AS busy`,
        )
        .then((r) => r as [{ busy: number }]);
      await new Promise((r) => setTimeout(r, busy ? 50 : 15));
      const now = await this.snapshot();
      if (!busy && sameState(now, last)) return now;
      if (Date.now() > until) throw new Error(`fuzz: background work did not settle in ${timeoutMs} ms`);
      last = now;
    }
  }
}

function listFiles(dir: string): string {
  try {
    const names = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `${e.parentPath}/${e.name}`)
      .sort();
    return `${names.length} files: ${names.join(' ').slice(0, 2000)}`;
  } catch {
    return 'no folder';
  }
}

export function sameState(a: Record<string, string>, b: Record<string, string>): boolean {
  return Object.keys({ ...a, ...b }).every((k) => a[k] === b[k]);
}

function stateDiff(a: Record<string, string>, b: Record<string, string>): string {
  return Object.keys({ ...a, ...b })
    .filter((k) => a[k] !== b[k])
    .map((k) => `${k}: ${a[k]} → ${b[k]}`)
    .join('; ');
}

// ---------------------------------------------------------------------------------------------
// The run.

export interface FuzzStats {
  requests: number;
  byStatus: Record<string, number>;
  fiveXx: number;
  failures: string[];
  routes: number;
  ms: number;
  /** Time spent sending requests, and checking the database and files after them. */
  injectMs: number;
  probeMs: number;
}

export interface FuzzRunOptions {
  app: FastifyInstance;
  prisma: PrismaClient;
  dataDir: string;
  routes: FuzzRoute[];
  pool: IdPool;
  cookies: Record<Exclude<Role, 'anonymous'>, string>;
  requestsPerRoute: number;
  seed: number;
  /** Stop collecting after this many failures (the run goes on, counting). */
  maxFailures?: number;
  onProgress?: (stats: FuzzStats) => void;
  /** Called with each finding as it happens (a long run shows them before it ends). */
  onFailure?: (message: string) => void;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function describe(role: Role, req: InjectOptions): string {
  const body = req.payload === undefined ? '' : String(req.payload).slice(0, 300);
  const headers = { ...(req.headers as Record<string, string>), cookie: undefined };
  return `${role} ${req.method} ${String(req.url).slice(0, 300)} ${JSON.stringify(headers)} ${body}`;
}

/**
 * Sends `requestsPerRoute` generated requests to every route, interleaved (round robin over the
 * routes, so state built by one route's valid writes is seen by the others), and checks each.
 */
export async function runFuzz(o: FuzzRunOptions): Promise<FuzzStats> {
  const started = Date.now();
  const stats: FuzzStats = {
    requests: 0,
    byStatus: {},
    fiveXx: 0,
    failures: [],
    routes: o.routes.length,
    ms: 0,
    injectMs: 0,
    probeMs: 0,
  };
  const fail = (msg: string) => {
    if (stats.failures.length < (o.maxFailures ?? 50)) stats.failures.push(msg);
    o.onFailure?.(msg);
  };
  // Shared with the caller, so a re-signed-in cookie stays valid after the run.
  const cookies = o.cookies;
  let relogins = 0;
  const probe = new StateProbe(o.prisma, o.dataDir);
  let before = await probe.settle();

  // One deterministic stream of requests per route, generated a chunk at a time (some requests
  // carry 1 MB strings: holding them all would take gigabytes).
  const arbitraries = o.routes.map((route) => requestArbitrary(route));
  const CHUNK = 10;
  let streams: FuzzRequest[][] = [];
  for (let n = 0; n < o.requestsPerRoute; n++) {
    if (n % CHUNK === 0) {
      streams = arbitraries.map((arb, i) =>
        fc.sample(arb, { seed: o.seed + i * 7919 + n * 104_729, numRuns: Math.min(CHUNK, o.requestsPerRoute - n) }),
      );
    }
    for (const stream of streams) {
      const req = stream[n % CHUNK];
      if (!req) continue;
      const options: InjectOptions = {
        ...req.inject,
        url: o.pool.resolve(String(req.inject.url)),
        headers: { ...(req.inject.headers as Record<string, string>) },
      };
      if (typeof options.payload === 'string') options.payload = o.pool.resolve(options.payload);
      else if (Buffer.isBuffer(options.payload))
        options.payload = Buffer.from(o.pool.resolve(options.payload.toString('latin1')), 'latin1');
      if (req.role !== 'anonymous') (options.headers as Record<string, string>).cookie = cookies[req.role];
      let res: Awaited<ReturnType<FastifyInstance['inject']>>;
      const t0 = performance.now();
      try {
        res = await o.app.inject(options);
      } catch (error) {
        // light-my-request refuses some requests before they reach the server (e.g. bad header
        // characters): not the API's doing, so not counted.
        if (String(error).includes('Invalid character')) continue;
        throw error;
      }
      const t1 = performance.now();
      stats.injectMs += t1 - t0;
      stats.requests++;
      const status = res.statusCode;
      stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
      if (status >= 500) {
        stats.fiveXx++;
        fail(`${status} ← ${describe(req.role, options)}\n   answer: ${res.body.slice(0, 300)}`);
      }
      if (status >= 400) {
        let parsed: unknown;
        try {
          parsed = res.json();
        } catch {
          parsed = undefined;
        }
        if (!ErrorBodySchema.safeParse(parsed).success) {
          fail(
            `${status} not in the error shape ← ${describe(req.role, options)}\n   answer: ${res.body.slice(0, 300)}`,
          );
        }
        const after = await probe.snapshot();
        if (!sameState(before, after)) {
          fail(`rejected (${status}) but wrote: ${stateDiff(before, after)} ← ${describe(req.role, options)}`);
          before = after;
        }
        if (status === 401 && req.role !== 'anonymous') {
          // The fuzzer signed itself out (logout, sign-out-others, a deleted session): sign in
          // again, from a fresh address so login throttling of junk sign-ins does not block it.
          relogins++;
          cookies[req.role] = await loginFrom(o.app, req.role, `10.77.${(relogins >> 8) & 255}.${relogins & 255}`);
          before = await probe.snapshot();
        }
      } else {
        harvestIds(res.body, o.pool);
        const after = UNSAFE.has(req.route.method) || status === 202 ? await probe.settle() : await probe.snapshot();
        // A 区 reviewer reads and never writes a record (ADR 035): any record table it changed is a finding.
        if (req.role === 'dReviewer') {
          const wrote = RECORD_TABLES.filter((t) => before[t] !== after[t]);
          if (wrote.length > 0) fail(`a reviewer wrote ${wrote.join(', ')} ← ${describe(req.role, options)}`);
        }
        before = after;
      }
      stats.probeMs += performance.now() - t1;
    }
    o.onProgress?.(stats);
  }
  stats.ms = Date.now() - started;
  return stats;
}

async function loginFrom(app: FastifyInstance, username: string, remoteAddress: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    payload: { username, password: PASSWORD },
  });
  if (res.statusCode !== 200) return login(app, username);
  const cookie = res.cookies.find((c) => c.name === 'dutyboard_session');
  if (!cookie) throw new Error('fuzz: no session cookie on sign-in');
  return `${cookie.name}=${cookie.value}`;
}

function harvestIds(body: string, pool: IdPool): void {
  if (!body.startsWith('{')) return;
  try {
    const v = JSON.parse(body) as { id?: unknown; items?: { id?: unknown }[] };
    pool.add(v.id);
    if (Array.isArray(v.items)) for (const item of v.items.slice(0, 3)) pool.add(item?.id);
  } catch {
    // not JSON: nothing to learn
  }
}

export function formatStats(s: FuzzStats): string {
  const hist = Object.entries(s.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  const sec = (ms: number) => (ms / 1000).toFixed(1);
  return `fuzz: ${s.requests} requests to ${s.routes} routes in ${sec(s.ms)} s (sending ${sec(s.injectMs)} s, checking ${sec(s.probeMs)} s); 5xx: ${s.fiveXx}; statuses {${hist}}`;
}
