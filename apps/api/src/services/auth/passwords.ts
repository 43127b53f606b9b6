// argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane): see docs/decisions/004.
import { hash, verify } from '@node-rs/argon2';

// `Algorithm` is an ambient const enum that isolated modules cannot read; 2 is Argon2id (the
// unit test checks the hash says $argon2id$).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the username is unknown, so a miss costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword('dutyboard-timing-equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
