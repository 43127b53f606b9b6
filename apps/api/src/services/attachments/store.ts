// Content-addressed file store under <DATA_DIR>/files: a file lives at files/ab/abcdef… (its
// SHA-256), so the same photo uploaded twice is stored once, a retry cannot leave a half-written
// copy (write to a temporary name, then rename), and a stored file is never changed.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class FileStore {
  constructor(readonly root: string) {}

  static sha256(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  pathOf(sha: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error(`not a SHA-256: ${sha}`);
    return path.join(this.root, sha.slice(0, 2), sha);
  }

  /** Stores the bytes (once) and answers their SHA-256. */
  async put(bytes: Buffer): Promise<string> {
    const sha = FileStore.sha256(bytes);
    const target = this.pathOf(sha);
    if (await this.has(sha)) return sha;
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, target);
    } finally {
      await rm(temporary, { force: true });
    }
    return sha;
  }

  async has(sha: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha))).isFile();
    } catch {
      return false;
    }
  }

  /** Removes a file no row references any more (records/writes.ts releaseFiles). */
  async remove(sha: string): Promise<void> {
    await rm(this.pathOf(sha), { force: true });
  }

  open(sha: string): ReadStream {
    return createReadStream(this.pathOf(sha));
  }
}
