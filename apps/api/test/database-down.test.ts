import { createPrisma } from '@dutyboard/db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';

// Nothing listens on port 1: every query fails to connect.
const config = loadConfig({ DATABASE_URL: 'postgresql://nobody:x@127.0.0.1:1/none', LOG_LEVEL: 'silent' });
const prisma = createPrisma(config.DATABASE_URL, { connectionTimeoutMillis: 1000 });
const app = await buildApp({ config, prisma });

beforeAll(() => app.ready());
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

describe('when PostgreSQL is unreachable', () => {
  it('health says the database is down, with 503', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'degraded', database: 'down' });
  });

  it('a request that needs the database answers 503 in the error shape, without internals', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b' } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      error: {
        code: 'SERVICE_UNAVAILABLE',
        message: '数据库暂时不可用，请稍后再试',
        key: 'server.databaseDown',
        params: {},
      },
    });
    const withCookie = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: 'dutyboard_session=x' } });
    expect(withCookie.statusCode).toBe(503);
  });
});
