// Writes a zip to disk entry by entry without holding the entries in memory: fflate's streaming
// Zip emits bytes as each chunk is pushed, and every emitted chunk is written to the file before
// the next one is read. Each entry's content and the whole zip are hashed (SHA-256) on the way.
// Photos and PDFs are already compressed, so they are stored as they are (ZipPassThrough); the
// manifests are deflated. fflate writes no Zip64: see MAX_ZIP_BYTES.
import { createHash } from 'node:crypto';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { Zip, ZipDeflate, type ZipInputFile, ZipPassThrough } from 'fflate';

/** Without Zip64 a zip's offsets and sizes must stay below 4 GiB; this keeps a margin for headers. */
export const MAX_ZIP_BYTES = 4 * 1024 ** 3 - 64 * 1024 ** 2;
/** Without Zip64 a zip holds at most 65,535 entries. */
export const MAX_ZIP_ENTRIES = 65_535;

export interface WrittenEntry {
  path: string;
  size: number;
  sha256: string;
}

export class ZipFileWriter {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private entries = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly mtime: Date,
  ) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else this.pending.push(chunk);
    });
  }

  /** Starts a new zip at `filePath` (which must not exist yet). */
  static async create(filePath: string, mtime: Date): Promise<ZipFileWriter> {
    return new ZipFileWriter(await open(filePath, 'wx'), mtime);
  }

  /** Adds an entry from a stream of chunks (e.g. fs.createReadStream); answers its size and hash. */
  async add(
    path: string,
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    options: { deflate?: boolean } = {},
  ): Promise<WrittenEntry> {
    if (this.entries >= MAX_ZIP_ENTRIES) throw new Error('zip entry limit reached');
    this.entries += 1;
    const entry: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } = options.deflate
      ? new ZipDeflate(path, { level: 6 })
      : new ZipPassThrough(path);
    entry.mtime = this.mtime;
    this.zip.add(entry);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of source) {
      if (chunk.length === 0) continue;
      hash.update(chunk);
      size += chunk.length;
      entry.push(chunk);
      await this.flush();
    }
    entry.push(new Uint8Array(0), true);
    await this.flush();
    return { path, size, sha256: hash.digest('hex') };
  }

  /** Adds an entry held in memory (the spreadsheet, the manifests). */
  addBytes(path: string, bytes: Uint8Array, options: { deflate?: boolean } = {}): Promise<WrittenEntry> {
    return this.add(path, [bytes], options);
  }

  /** Bytes written so far. */
  get size(): number {
    return this.bytes;
  }

  /** Writes the central directory and closes the file; answers the zip's size and hash. */
  async finish(): Promise<{ size: number; sha256: string }> {
    this.zip.end();
    await this.flush();
    await this.handle.close();
    return { size: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Gives up: closes and removes the partial file. */
  async abort(filePath: string): Promise<void> {
    this.zip.terminate();
    await this.handle.close().catch(() => undefined);
    await rm(filePath, { force: true });
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunks = this.pending;
    this.pending = [];
    for (const chunk of chunks) {
      this.hash.update(chunk);
      this.bytes += chunk.length;
      if (this.bytes > MAX_ZIP_BYTES) throw new Error('zip size limit reached');
      let offset = 0;
      // A write may take fewer bytes than offered; keep going until the chunk is on disk.
      while (offset < chunk.length) {
        const { bytesWritten } = await this.handle.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
    }
  }
}
