// Optimistic concurrency for every record: the client names the version it saw (If-Match); the
// write is conditional on the version read in the same transaction, so a concurrent change
// between the check and the write is caught too.
import { AppError } from '../../errors/app-error.ts';

export const preconditionFailed = () => new AppError('PRECONDITION_FAILED', { key: 'record.changedMeanwhile' });

/** Refuses when the caller named a version (If-Match) that is not the stored one. */
export function checkVersion(row: { version: number }, expected: number | undefined): void {
  if (expected !== undefined && row.version !== expected) throw preconditionFailed();
}

/** After a conditional updateMany/deleteMany: 0 rows means someone else changed it meanwhile. */
export function assertWritten(count: number): void {
  if (count === 0) throw preconditionFailed();
}
