// Sign-in attempts from chosen addresses and throw-away accounts, for the throttle tests: each test
// uses its own addresses and usernames, so the per-IP and per-account counts do not mix.
import type { FastifyInstance } from 'fastify';
import { login, PASSWORD } from './fixtures.ts';

/** Fresh addresses `prefix.x.y`, one per call; give each test file its own prefix. */
export function ipSequence(prefix: string): () => string {
  let next = 1;
  return () => {
    const ip = `${prefix}.${Math.floor(next / 250)}.${(next % 250) + 1}`;
    next += 1;
    return ip;
  };
}

/** One POST /api/auth/login as sent from `ip`. */
export function signInAttempt(app: FastifyInstance, username: string, password: string, ip: string) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
}

/** A secretary of `orgId` with the fixtures' password, created by the admin; answers its id. */
export async function createSecretary(app: FastifyInstance, orgId: string, username: string): Promise<string> {
  const cookie = await login(app, 'admin');
  const res = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie },
    payload: { username, displayName: username, role: 'SECRETARY', orgId, password: PASSWORD },
  });
  if (res.statusCode !== 201) throw new Error(`creating ${username} failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
