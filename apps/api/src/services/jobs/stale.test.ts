import { describe, expect, it } from 'vitest';
import { isAbandoned, jobTimings, newOwnerId } from './stale.ts';

const now = new Date('2026-12-07T10:00:00.000Z');
const before = (ms: number) => new Date(now.getTime() - ms);

describe('isAbandoned (a job another process may fail)', () => {
  it('keeps a job whose owner beat within the stale time, up to and including its edge', () => {
    expect(isAbandoned({ ownerId: 'a', heartbeatAt: before(0) }, now, 30_000)).toBe(false);
    expect(isAbandoned({ ownerId: 'a', heartbeatAt: before(29_999) }, now, 30_000)).toBe(false);
    expect(isAbandoned({ ownerId: 'a', heartbeatAt: before(30_000) }, now, 30_000)).toBe(false);
  });

  it('gives up a job whose owner is silent for longer than the stale time', () => {
    expect(isAbandoned({ ownerId: 'a', heartbeatAt: before(30_001) }, now, 30_000)).toBe(true);
    expect(isAbandoned({ ownerId: 'a', heartbeatAt: before(86_400_000) }, now, 30_000)).toBe(true);
  });

  it('gives up a job nobody owns or that never beat (rows from before owners existed)', () => {
    expect(isAbandoned({ ownerId: null, heartbeatAt: null }, now, 30_000)).toBe(true);
    expect(isAbandoned({ ownerId: null, heartbeatAt: before(0) }, now, 30_000)).toBe(true);
    expect(isAbandoned({ ownerId: 'a', heartbeatAt: null }, now, 30_000)).toBe(true);
  });

  it('keeps a heartbeat from a clock slightly ahead (in the future of `now`)', () => {
    expect(isAbandoned({ ownerId: 'a', heartbeatAt: new Date(now.getTime() + 5_000) }, now, 30_000)).toBe(false);
  });
});

describe('jobTimings', () => {
  it('beats six times and recovers twice within the stale time', () => {
    expect(jobTimings(30_000)).toEqual({ staleMs: 30_000, heartbeatMs: 5_000, recoverEveryMs: 15_000 });
    const short = jobTimings(600);
    expect(short.heartbeatMs * 6).toBeLessThanOrEqual(short.staleMs);
  });
});

describe('newOwnerId', () => {
  it('names host and pid, and differs per call (a reused pid is another owner)', () => {
    const a = newOwnerId();
    expect(a).toContain(`:${process.pid}:`);
    expect(a.length).toBeLessThanOrEqual(200);
    expect(newOwnerId()).not.toBe(a);
  });
});
