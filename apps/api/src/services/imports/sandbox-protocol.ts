// Messages between the API and an import's sandbox process (sandbox.ts ↔ sandbox-child.ts).
import type { DataSheet, SheetRow } from './reader.ts';

export interface SandboxSheet extends DataSheet {
  /** `<row` elements the counter found in that sheet's part (the header row included). */
  rowCount: number | null;
}

/** The API asks for the next batch only when it has dealt with the last one. */
export type SandboxRequest = { type: 'pull' };

export type SandboxReply =
  | { type: 'ready' }
  /** `sheet` comes with the batch holding the data sheet's first row. */
  | { type: 'rows'; rows: SheetRow[]; sheet?: SandboxSheet }
  | { type: 'end' }
  /** `message` is for the person who uploaded the file; `detail` for the log. */
  | { type: 'error'; message: string; detail?: string };
