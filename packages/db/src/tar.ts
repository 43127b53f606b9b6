// A minimal ustar writer and extractor for the backup archive (docs/operations.md): regular files
// only, streamed in and out so an archive of any size never sits in memory. No tar package is
// installed, and the format is simple enough that `tar -tvf` on any machine can read what this
// writes.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: Date): Buffer {
  const block = Buffer.alloc(BLOCK);
  let entryName = name;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    // ustar splits a long path at a slash into prefix (≤ 155 bytes) and name (≤ 100 bytes).
    const cut = name.lastIndexOf('/', 155);
    entryName = name.slice(cut + 1);
    prefix = name.slice(0, cut);
    if (cut <= 0 || Buffer.byteLength(entryName) > 100 || Buffer.byteLength(prefix) > 155) {
      throw new Error(`path too long for the backup archive: ${name}`);
    }
  }
  block.write(entryName, 0, 100, 'utf8');
  block.write(octal(0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

async function write(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes regular files into one tar stream; `finish()` adds the end marker and closes the file. */
export class TarWriter {
  private readonly out: WriteStream;

  constructor(file: string) {
    this.out = createWriteStream(file, { flags: 'wx' });
  }

  /** Adds `source` (a file on disk, `size` bytes) as `name`. */
  async addFile(name: string, source: string, size: number): Promise<void> {
    await write(this.out, header(name, size, new Date()));
    let written = 0;
    for await (const chunk of createReadStream(source)) {
      written += (chunk as Buffer).length;
      await write(this.out, chunk as Buffer);
    }
    // A file that changed size between stat and read would corrupt every entry after it.
    if (written !== size) throw new Error(`${source} changed while it was being archived`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad) await write(this.out, Buffer.alloc(pad));
  }

  async addBuffer(name: string, bytes: Buffer): Promise<void> {
    await write(this.out, header(name, bytes.length, new Date()));
    await write(this.out, bytes);
    const pad = (BLOCK - (bytes.length % BLOCK)) % BLOCK;
    if (pad) await write(this.out, Buffer.alloc(pad));
  }

  async finish(): Promise<void> {
    await write(this.out, Buffer.alloc(BLOCK * 2));
    this.out.end();
    await once(this.out, 'close');
  }
}

function parseOctal(block: Buffer, start: number, length: number): number {
  const text = block
    .subarray(start, start + length)
    .toString('ascii')
    .replace(/[\0 ]+$/g, '')
    .trim();
  return text ? Number.parseInt(text, 8) : 0;
}

function cString(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

/**
 * Extracts every regular file of `archive` under `destination` and answers their names. Refuses
 * absolute names, `..` and anything but regular files, so an archive cannot write elsewhere.
 */
export async function extractTar(archive: string, into: string): Promise<string[]> {
  const destination = path.resolve(into);
  const names: string[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let out: WriteStream | undefined;
  let remaining = 0;
  let skip = 0;
  let ended = false;
  for await (const chunk of createReadStream(archive)) {
    pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    while (pending.length > 0 && !ended) {
      if (out) {
        const part = pending.subarray(0, remaining);
        pending = pending.subarray(part.length);
        remaining -= part.length;
        await write(out, part);
        if (remaining === 0) {
          out.end();
          await once(out, 'close');
          out = undefined;
        }
        continue;
      }
      if (skip > 0) {
        const n = Math.min(skip, pending.length);
        pending = pending.subarray(n);
        skip -= n;
        continue;
      }
      if (pending.length < BLOCK) break;
      const block = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (block.every((b) => b === 0)) {
        ended = true;
        break;
      }
      let checksum = 0;
      for (let i = 0; i < BLOCK; i++) checksum += i >= 148 && i < 156 ? 32 : (block[i] ?? 0);
      if (checksum !== parseOctal(block, 148, 8)) throw new Error('the backup archive is damaged (bad tar header)');
      const prefix = cString(block, 345, 155);
      const name = prefix ? `${prefix}/${cString(block, 0, 100)}` : cString(block, 0, 100);
      const size = parseOctal(block, 124, 12);
      const type = String.fromCharCode(block[156] ?? 48);
      if (type !== '0' && type !== '\0') throw new Error(`unexpected entry in the backup archive: ${name}`);
      const target = path.resolve(destination, name);
      if (path.isAbsolute(name) || name.split('/').includes('..') || !target.startsWith(destination + path.sep)) {
        throw new Error(`unsafe path in the backup archive: ${name}`);
      }
      await mkdir(path.dirname(target), { recursive: true });
      names.push(name);
      out = createWriteStream(target, { flags: 'wx' });
      remaining = size;
      skip = (BLOCK - (size % BLOCK)) % BLOCK;
      if (size === 0) {
        out.end();
        await once(out, 'close');
        out = undefined;
      }
    }
  }
  if (out || remaining > 0 || !ended) throw new Error('the backup archive is incomplete (truncated file?)');
  return names;
}
