import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipFileWriter } from './zip-writer.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dutyboard-zip-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the streaming zip writer', () => {
  it('writes entries chunk by chunk into a zip that unzips to the same bytes, with their hashes and the whole file hash', async () => {
    const file = path.join(dir, 'a.zip');
    const writer = await ZipFileWriter.create(file, new Date('2026-03-01T08:00:00Z'));
    const big = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    const chunks = function* () {
      for (let i = 0; i < big.length; i += 65_536) yield big.subarray(i, i + 65_536);
    };
    const photo = await writer.add('files/主题活动/2026-03-15 红色歌曲/现场照片.jpg', chunks());
    const manifest = await writer.addBytes('manifest.json', new TextEncoder().encode('{"中文":true}'), {
      deflate: true,
    });
    const done = await writer.finish();

    const bytes = await readFile(file);
    expect(done.size).toBe(bytes.length);
    expect((await stat(file)).size).toBe(bytes.length);
    expect(done.sha256).toBe(sha(bytes));
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toEqual(['files/主题活动/2026-03-15 红色歌曲/现场照片.jpg', 'manifest.json']);
    const unzipped = entries['files/主题活动/2026-03-15 红色歌曲/现场照片.jpg'];
    expect(unzipped && sha(unzipped)).toBe(sha(big));
    expect(photo).toEqual({
      path: 'files/主题活动/2026-03-15 红色歌曲/现场照片.jpg',
      size: big.length,
      sha256: sha(big),
    });
    expect(strFromU8(entries['manifest.json'] ?? new Uint8Array())).toBe('{"中文":true}');
    expect(manifest.size).toBe(new TextEncoder().encode('{"中文":true}').length);
  });

  it('removes the partial file when given up', async () => {
    const file = path.join(dir, 'b.zip');
    const writer = await ZipFileWriter.create(file, new Date());
    await writer.addBytes('x.txt', new Uint8Array([1, 2, 3]));
    await writer.abort(file);
    await expect(stat(file)).rejects.toThrow();
  });

  it('refuses to overwrite an existing file', async () => {
    const file = path.join(dir, 'c.zip');
    await (await ZipFileWriter.create(file, new Date())).finish();
    await expect(ZipFileWriter.create(file, new Date())).rejects.toThrow();
  });
});
