// Signing in to the running API for `pnpm bench`: one POST /api/auth/login per account, never
// retried — five failures lock an account for the throttle window (LOGIN_THROTTLE_ACCOUNT_MAX), so
// a wrong password stops the run at the first refusal with a message saying what to check.
import { SESSION_COOKIE } from '../../apps/api/src/plugins/auth.ts';
import { BenchError } from './load.ts';

export interface Session {
  username: string;
  /** The "name=value" of the session cookie, for a Cookie header. */
  cookie: string;
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) {
    const body = await res.text();
    throw new BenchError(
      `signing in as ${username} answered ${res.status} ${body.slice(0, 200)} — is the bench database seeded by ` +
        'pnpm bench:seed with its password (or BENCH_PASSWORD set to the right one)? Repeated failures lock the ' +
        'account for the throttle window.',
    );
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new BenchError(`signing in as ${username} set no ${SESSION_COOKIE} cookie`);
  return { username, cookie };
}
