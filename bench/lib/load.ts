// HTTP load for `pnpm bench`: autocannon's programmatic API, a warm-up run that is thrown away and
// a measured run of fixed duration. Latencies are taken from every response (autocannon's
// 'response' event) so p95 is exact; every status is counted and a body check (verifyBody)
// counts answers that are 2xx but empty or not what the phase expects.
import autocannon from 'autocannon';
import { type LatencySummary, Samples } from './stats.ts';

export interface LoadOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:3390. */
  baseUrl: string;
  /** Requests cycled through by every connection (autocannon `requests`). */
  requests: autocannon.Request[];
  /** Headers every request carries (cookie, origin). */
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  /** Seconds of warm-up before the measured run (not recorded). 0: none. */
  warmupSeconds: number;
  /** False for a 2xx answer that is not a real answer (empty page, no JSON). */
  verifyBody?: (body: string) => boolean;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  responses: number;
  reqPerSec: number;
  latencyMs: LatencySummary;
  /** Count per HTTP status, e.g. { "200": 1234 }. */
  statuses: Record<string, number>;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** 2xx answers the body check refused. */
  badBodies: number;
}

async function once(options: LoadOptions, seconds: number, record: boolean): Promise<LoadResult> {
  const samples = new Samples();
  const statuses: Record<string, number> = {};
  let started = 0;
  let ended = 0;
  const verify = options.verifyBody;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: seconds,
        headers: options.headers,
        requests: options.requests,
        timeout: 30,
        verifyBody: verify
          ? (body) => verify(typeof body === 'string' ? body : (body?.toString('utf8') ?? ''))
          : undefined,
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('start', () => {
      started = performance.now();
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      ended = performance.now();
      if (!record) return;
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      samples.add(responseTime);
    });
  });
  const elapsed = started && ended > started ? (ended - started) / 1000 : seconds;
  const responses = samples.length;
  const non2xx = Object.entries(statuses).reduce((sum, [code, n]) => (code.startsWith('2') ? sum : sum + n), 0);
  return {
    connections: options.connections,
    seconds: Math.round(elapsed * 100) / 100,
    responses,
    reqPerSec: responses / elapsed,
    latencyMs: samples.summary(),
    statuses,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    badBodies: result.mismatches,
  };
}

/** Warm-up (discarded), then the measured run. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await once(options, options.warmupSeconds, false);
  return once(options, options.seconds, true);
}

/** Throws when any answer was not 2xx, errored, timed out or failed the body check. */
export function assertClean(name: string, result: LoadResult, expectStatus?: number): void {
  const problems: string[] = [];
  if (result.responses === 0) problems.push('no response at all');
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx answers ${JSON.stringify(result.statuses)}`);
  if (expectStatus !== undefined) {
    // 2xx answers of another status (a 200 where a create should answer 201).
    const other = result.responses - result.non2xx - (result.statuses[String(expectStatus)] ?? 0);
    if (other > 0) problems.push(`${other} 2xx answers other than ${expectStatus} ${JSON.stringify(result.statuses)}`);
  }
  if (result.errors > 0) problems.push(`${result.errors} connection errors (${result.timeouts} timeouts)`);
  if (result.badBodies > 0) problems.push(`${result.badBodies} answers with an empty or unexpected body`);
  if (problems.length > 0) throw new BenchError(`${name}: ${problems.join('; ')}`);
}

/** A measurement that went wrong (as opposed to a missed target): `pnpm bench` exits non-zero. */
export class BenchError extends Error {}
