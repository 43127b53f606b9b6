import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pathWithQuery } from './links.ts';
import { FlagParam, LocalDateParam, paramsReader, patchParams, withoutParams } from './use-url-filter.ts';

const ORG = '7f0b4a9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('list filter params', () => {
  it('sets the values a patch gives and removes the empty ones, leaving the rest', () => {
    const params = new URLSearchParams({ org: ORG, level: 'HIGH', sort: 'title' });
    expect(patchParams(params, { level: undefined, from: '2026-01-01', to: '' }).toString()).toBe(
      `org=${ORG}&sort=title&from=2026-01-01`,
    );
    expect(params.toString()).toBe(`org=${ORG}&level=HIGH&sort=title`);
  });

  it('clears the filter keys but keeps the sort order', () => {
    const params = new URLSearchParams({ org: ORG, from: '2026-01-01', sort: 'title' });
    expect(withoutParams(params, ['org', 'from', 'to']).toString()).toBe('sort=title');
  });
});

describe('paramsReader', () => {
  const parse = paramsReader({ level: z.enum(['HIGH', 'LOW']), overdue: FlagParam, from: LocalDateParam });

  it('keeps each well-formed param and leaves the malformed and missing ones out', () => {
    expect(parse(new URLSearchParams({ level: 'HIGH', overdue: 'yes', from: '2026-02-30x' }))).toEqual({
      level: 'HIGH',
      overdue: undefined,
      from: undefined,
    });
    expect(parse(new URLSearchParams({ overdue: 'false', from: '2026-01-31' }))).toEqual({
      level: undefined,
      overdue: 'false',
      from: '2026-01-31',
    });
  });
});

describe('pathWithQuery', () => {
  it('appends only the params that have a value', () => {
    expect(pathWithQuery('/activities/new', { org: ORG })).toBe(`/activities/new?org=${ORG}`);
    expect(pathWithQuery('/study-sessions/new', { org: ORG, kind: 'SEMINAR' })).toBe(
      `/study-sessions/new?org=${ORG}&kind=SEMINAR`,
    );
    expect(pathWithQuery('/risk-alerts/new', { org: undefined })).toBe('/risk-alerts/new');
  });
});
