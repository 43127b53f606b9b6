import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../audit/audit.ts';
import { eventHash, preparedHash, prepareEvent } from '../audit/chain.ts';

/** The content eventHash takes for an entry stored with this id, time and prevHash (as read back). */
function readBack(entry: AuditEntry, id: bigint, at: Date, prevHash: string) {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));
  return {
    id,
    at,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    orgId: entry.orgId ?? null,
    before: json(entry.before),
    after: json(entry.after),
    prevHash,
  };
}

const ENTRIES: AuditEntry[] = [
  {
    actorId: '7d9e3c1a-0000-4000-8000-000000000001',
    action: 'CREATE',
    entityType: 'Activity',
    entityId: '7d9e3c1a-0000-4000-8000-0000000000aa',
    orgId: '7d9e3c1a-0000-4000-8000-000000000002',
    after: {
      title: '“唱支山歌给党听”\n红色歌曲大家唱',
      participants: 45,
      occurredAt: new Date('2026-05-20T06:30:00.000Z'),
      location: null,
      absentees: [{ name: '张三', reason: '因病请假' }],
      ratio: 0.1,
    },
  },
  { actorId: null, action: 'LOGIN_FAILED', entityType: 'User', entityId: null },
  {
    actorId: '7d9e3c1a-0000-4000-8000-000000000001',
    action: 'TRANSITION',
    entityType: 'ImportJob',
    entityId: 'job',
    orgId: null,
    before: { state: 'COMMITTING' },
    after: { state: 'COMMITTED', created: 100000, skipped: 0, fileName: 'a "b" \\ c.xlsx' },
  },
];

describe('preparedHash', () => {
  it('equals eventHash over the event as it reads back, for every kind of content', () => {
    const at = new Date('2026-11-24T15:04:05.123Z');
    let prev = '0'.repeat(64);
    for (const [i, entry] of ENTRIES.entries()) {
      const id = 9_007_199_254_740_993n + BigInt(i);
      const fast = preparedHash(prepareEvent(entry), id, at, prev);
      expect(fast, entry.action).toBe(eventHash(readBack(entry, id, at, prev)));
      prev = fast;
    }
  });

  it('keeps before/after as canonical JSON text, absent as null', () => {
    const event = prepareEvent(ENTRIES[1] as AuditEntry);
    expect(event.before).toBeNull();
    expect(event.after).toBeNull();
    expect(prepareEvent(ENTRIES[2] as AuditEntry).before).toBe('{"state":"COMMITTING"}');
  });
});
