// The sandbox process of an import (started by sandbox.ts, never imported by the API): checks the
// zip's central directory, streams the archive once to count rows and inflated bytes, then reads
// the data sheet with exceljs and hands its rows to the API a batch per request. Everything that
// inflates the upload happens here, under this process's own heap limit, with TMPDIR pointing at
// a folder the API removes when the pass ends.
import { countSheetRows, readDataRows, type SheetRow } from './reader.ts';
import type { SandboxReply, SandboxRequest, SandboxSheet } from './sandbox-protocol.ts';
import { guardZip, InflateBudget, UNREADABLE_MESSAGE, UnreadableFile } from './zip-guard.ts';

/** Rows per batch, and text per batch (characters), whichever is reached first. */
const BATCH_ROWS = 500;
const BATCH_CHARS = 1024 * 1024;

function send(message: SandboxReply): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error('no IPC channel'));
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

function sizeOf(row: SheetRow): number {
  let chars = 8;
  for (const value of row.values) chars += typeof value === 'string' ? value.length : 8;
  return chars;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: sandbox-child <file>');
  let sheet: SandboxSheet | undefined;
  let sheetSent = false;
  const source = (async function* () {
    const entries = await guardZip(file);
    const counts = await countSheetRows(file, new InflateBudget(entries));
    yield* readDataRows(
      file,
      (found) => {
        const count = found.sheetNo === null ? undefined : counts.get(found.sheetNo);
        sheet = { ...found, rowCount: count ?? null };
      },
      new Set(counts.keys()),
    );
  })();

  const next = async (): Promise<SandboxReply> => {
    const rows: SheetRow[] = [];
    let chars = 0;
    let done = false;
    while (rows.length < BATCH_ROWS && chars < BATCH_CHARS) {
      const step = await source.next();
      if (step.done) {
        done = true;
        break;
      }
      rows.push(step.value);
      chars += sizeOf(step.value);
    }
    if (rows.length === 0 && done) return { type: 'end' };
    const reply: SandboxReply = { type: 'rows', rows };
    if (sheet && !sheetSent) {
      reply.sheet = sheet;
      sheetSent = true;
    }
    return reply;
  };

  // Requests are answered one at a time, in order.
  let wanted = 0;
  let busy = false;
  const pump = async () => {
    if (busy) return;
    busy = true;
    while (wanted > 0) {
      wanted -= 1;
      const reply = await next().catch(
        (error: unknown): SandboxReply => ({
          type: 'error',
          message: error instanceof UnreadableFile ? error.message : UNREADABLE_MESSAGE,
          detail: error instanceof UnreadableFile ? undefined : String((error as Error)?.stack ?? error),
        }),
      );
      await send(reply);
      if (reply.type === 'end' || reply.type === 'error') {
        process.disconnect();
        return;
      }
    }
    busy = false;
  };
  process.on('message', (message: SandboxRequest) => {
    if (message.type !== 'pull') return;
    wanted += 1;
    pump().catch(() => process.exit(1));
  });
  // The API went away or gave up on this file: nothing more to do.
  process.on('disconnect', () => process.exit(0));
  await send({ type: 'ready' });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
