import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('a long enough secret');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).toContain('m=19456,t=2,p=1');
    expect(await verifyPassword(hash, 'a long enough secret')).toBe(true);
    expect(await verifyPassword(hash, 'a long enough secreT')).toBe(false);
  });

  it('answers false for an unknown user (no hash) without throwing', async () => {
    expect(await verifyPassword(null, 'anything')).toBe(false);
  });
});
