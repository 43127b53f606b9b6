import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/test-app.ts';

let ctx: TestContext;
let doc: {
  servers?: { url: string }[];
  paths: Record<
    string,
    Record<string, { operationId?: string; summary?: string; responses?: Record<string, unknown> }>
  >;
};

beforeAll(async () => {
  ctx = await createTestContext();
  const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
  // For the outside linter (`npx @redocly/cli lint`): OPENAPI_OUT=/tmp/openapi.json.
  if (process.env.OPENAPI_OUT) writeFileSync(process.env.OPENAPI_OUT, JSON.stringify(doc, null, 2));
});
afterAll(() => ctx?.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, ...op })),
  );

describe('the OpenAPI document', () => {
  it('names a server', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('gives every operation a unique operationId and a summary', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(50);
    expect(ops.filter((op) => !op.operationId).map((op) => op.where)).toEqual([]);
    expect(ops.filter((op) => !op.summary?.trim()).map((op) => op.where)).toEqual([]);
    const ids = ops.map((op) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
