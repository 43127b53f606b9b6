import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, eventHash } from './chain.ts';

const content = {
  id: 42n,
  at: new Date('2026-03-15T01:00:00.123Z'),
  actorId: '7d9e3c1a-0000-4000-8000-000000000001',
  action: 'UPDATE',
  entityType: 'Activity',
  entityId: 'a1',
  orgId: null,
  before: { title: '旧标题', participants: 30 },
  after: { title: '新标题', participants: 45 },
  prevHash: '0'.repeat(64),
};

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('reads the same for the same value whatever order its keys were written in', () => {
    expect(canonicalJson({ x: 1, y: { p: 'a', q: 'b' } })).toBe(canonicalJson({ y: { q: 'b', p: 'a' }, x: 1 }));
  });

  it('writes numbers as JSON does, so a number read back from JSONB prints the same', () => {
    // JSONB stores 1.50 and 15e-1 as the numeric 1.5 and answers "1.5"; JSON.parse gives 1.5 either way.
    expect(canonicalJson({ n: JSON.parse('1.50') })).toBe(canonicalJson({ n: JSON.parse('15e-1') }));
    expect(canonicalJson([1e21, 1.5e-7, -0])).toBe('[1e+21,1.5e-7,0]');
  });

  it('leaves out undefined members and writes missing values as null, like JSON', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([undefined, null])).toBe('[null,null]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('escapes strings as JSON does, Chinese included', () => {
    expect(canonicalJson({ '键"': '值\n"' })).toBe('{"键\\"":"值\\n\\""}');
  });

  it('writes dates as ISO strings', () => {
    expect(canonicalJson({ at: new Date('2026-01-01T00:00:00Z') })).toBe('{"at":"2026-01-01T00:00:00.000Z"}');
  });
});

describe('eventHash', () => {
  it('is the SHA-256 of the canonical event with its id as a string and its time in ISO', () => {
    const canonical =
      '{"action":"UPDATE","actorId":"7d9e3c1a-0000-4000-8000-000000000001",' +
      '"after":{"participants":45,"title":"新标题"},"at":"2026-03-15T01:00:00.123Z",' +
      '"before":{"participants":30,"title":"旧标题"},"entityId":"a1","entityType":"Activity",' +
      `"id":"42","orgId":null,"prevHash":"${'0'.repeat(64)}"}`;
    expect(eventHash(content)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });

  it('changes with every field, the previous hash included', () => {
    const base = eventHash(content);
    const variants = [
      { id: 43n },
      { at: new Date('2026-03-15T01:00:00.124Z') },
      { actorId: null },
      { action: 'DELETE' },
      { entityType: 'StudySession' },
      { entityId: 'a2' },
      { orgId: '7d9e3c1a-0000-4000-8000-000000000002' },
      { before: null },
      { after: { title: '新标题', participants: 46 } },
      { prevHash: '1'.repeat(64) },
    ];
    for (const change of variants) expect(eventHash({ ...content, ...change }), Object.keys(change)[0]).not.toBe(base);
  });

  it('takes a missing before/after as null', () => {
    expect(eventHash({ ...content, before: undefined })).toBe(eventHash({ ...content, before: null }));
  });
});
