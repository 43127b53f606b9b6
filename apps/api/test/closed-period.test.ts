// A finished period's 未办结舆情 panel holds only the alerts registered by its end that are still
// open: its total, its items and its drill agree; the current period's panel holds every open one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login, seedFixture } from './helpers/fixtures.ts';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let fx: Fixture;
let cookie = '';
const ids: Record<string, string> = {};

const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });

async function alert(summary: string, registeredAt?: string) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/risk-alerts',
    headers: { cookie },
    payload: {
      orgId: fx.branchAId,
      level: 'LEVEL_3',
      source: '网络巡查',
      channel: '微博',
      summary,
      reach: 10,
      ...(registeredAt ? { registeredAt } : {}),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  fx = await seedFixture(ctx.prisma);
  cookie = await login(ctx.app, 'leader');
  // 2026-H1 ends at 2026-06-30 24:00 Shanghai (16:00Z): one alert just before, one just after, one now.
  ids.march = await alert('三月登记', '2026-03-05T02:00:00Z');
  ids.lastHour = await alert('期末最后一刻', '2026-06-30T15:59:00Z');
  ids.after = await alert('下半年第一刻', '2026-06-30T16:00:00Z');
  ids.now = await alert('刚刚登记');
});

afterAll(() => ctx?.close());

describe('the 未办结舆情 panel of a period', () => {
  it('a finished period: only its alerts, and the drill lists exactly them', async () => {
    const res = await get(`/api/dashboard?period=2026-H1&org=${fx.streetId}`);
    expect(res.statusCode, res.body).toBe(200);
    const { openAlerts } = res.json() as {
      openAlerts: { total: number; items: { id: string }[]; drill: { list: string; query: Record<string, string> } };
    };
    expect(openAlerts.total).toBe(2);
    expect(openAlerts.items.map((a) => a.id).sort()).toEqual([ids.march, ids.lastHour].sort());
    expect(openAlerts.drill.query).toMatchObject({ flag: 'OPEN', to: '2026-06-30' });
    const list = await get(`${openAlerts.drill.list}?${new URLSearchParams(openAlerts.drill.query)}&limit=100`);
    const page = list.json() as { items: { id: string }[]; total: number };
    expect(page.total).toBe(2);
    expect(page.items.map((a) => a.id).sort()).toEqual([ids.march, ids.lastHour].sort());
  });

  it('the current period: every open alert', async () => {
    const { openAlerts } = (await get(`/api/dashboard?org=${fx.streetId}`)).json() as {
      openAlerts: { total: number; items: { id: string }[]; drill: { query: Record<string, string> } };
    };
    expect(openAlerts.total).toBe(4);
    expect(openAlerts.items).toHaveLength(4);
    expect(openAlerts.drill.query.to).toBeUndefined();
  });
});
