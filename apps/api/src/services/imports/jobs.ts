// Import jobs as the routes see them: who may import which kind, storing an upload as a new job,
// reading a job (only its requester does), asking for its commit, and the duplicate-file rule —
// a file whose SHA-256 equals that of a COMMITTED import of the same kind is refused, whoever
// imported it. Rows of a different file that match stored records are skipped by natural key
// (see the kinds); this rule catches the whole-file mistake before a single row is read.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  IMPORT_LIST_MAX,
  IMPORT_MAX_BYTES,
  IMPORT_PERMISSIONS,
  IMPORT_PROBLEMS_SHOWN,
  type ImportJob,
  type ImportJobList,
  type ImportJobSummary,
  type ImportKind,
  ImportOrgCountSchema,
  type ImportProblem,
  ImportProblemSchema,
} from '@dutyboard/contracts/imports';
import { can } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { AppError, forbidden, notFound } from '../../errors/app-error.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { shanghaiDateTime } from '../exports/columns.ts';
import type { Jobs } from '../jobs/jobs.ts';
import {
  countRunningJobs,
  lockUserJobs,
  RUNNING_JOBS_PER_USER,
  reserveJobSlot,
  tooManyRunning,
} from '../jobs/limit.ts';

type JobRow = Prisma.ImportJobGetPayload<object>;

/** Where an upload waits for its job to end. */
export function importFilePath(dataDir: string, id: string): string {
  return path.join(dataDir, 'imports', `${id}.xlsx`);
}
type Db = PrismaClient | Prisma.TransactionClient;

const FILE_NAME_MAX = 200;

export function assertCanImport(user: AuthUser, kind: ImportKind): void {
  if (!can(user.role, IMPORT_PERMISSIONS[kind])) throw forbidden({ key: 'import.forbidden', params: { kind } });
}

/** A Json array column read back through its contract schema (items that do not parse are dropped). */
function itemsOf<T>(schema: z.ZodType<T>, value: Prisma.JsonValue | null): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const problemsOf = (value: Prisma.JsonValue | null): ImportProblem[] => itemsOf(ImportProblemSchema, value);

async function requesterNames(prisma: Db, rows: JobRow[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.requestedById))] } },
    select: { id: true, displayName: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

function toSummary(row: JobRow, names: Map<string, string>): ImportJobSummary {
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.fileName,
    fileSha256: row.fileSha256,
    state: row.state,
    rowsTotal: row.rowsTotal,
    rowsDone: row.rowsDone,
    problemCount: row.problemCount,
    created: row.created,
    skipped: row.skipped,
    error: row.error,
    requestedByName: names.get(row.requestedById) ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

async function toJob(prisma: Db, row: JobRow): Promise<ImportJob> {
  return {
    ...toSummary(row, await requesterNames(prisma, [row])),
    problems: problemsOf(row.problems).slice(0, IMPORT_PROBLEMS_SHOWN),
    orgs: itemsOf(ImportOrgCountSchema, row.orgCounts),
  };
}

/** A job of the caller's own; anyone else's answers like a missing one. */
async function loadOwnJob(prisma: Db, user: AuthUser, id: string): Promise<JobRow> {
  const row = await prisma.importJob.findUnique({ where: { id } });
  if (!row || row.requestedById !== user.id) throw notFound('ImportJob');
  return row;
}

/** 409 when this very file was already imported as this kind. */
export async function refuseCommittedFile(prisma: Db, kind: ImportKind, sha256: string): Promise<void> {
  const done = await prisma.importJob.findFirst({
    where: { kind, fileSha256: sha256, state: 'COMMITTED' },
    orderBy: { finishedAt: 'asc' },
  });
  if (!done) return;
  const by = (await requesterNames(prisma, [done])).get(done.requestedById);
  const when = shanghaiDateTime((done.finishedAt ?? done.createdAt).toISOString());
  throw new AppError(
    'CONFLICT',
    by
      ? { key: 'import.alreadyImportedBy', params: { when: when ?? '', by, created: done.created } }
      : { key: 'import.alreadyImported', params: { when: when ?? '', created: done.created } },
    { importId: done.id },
  );
}

export interface StoredUpload {
  /** The job id the file is stored under. */
  id: string;
  fileName: string;
  sha256: string;
  size: number;
}

/** A part larger than the limit (the multipart plugin stops reading and flags it). */
export class UploadTooLarge extends Error {}

/**
 * Streams an uploaded file to <DATA_DIR>/imports/<id>.xlsx.part while hashing it; refuses what is
 * too large or not a zip (an .xlsx is a zip: "PK\x03\x04").
 */
export async function storeUpload(
  dataDir: string,
  file: NodeJS.ReadableStream & { truncated?: boolean },
  fileName: string,
): Promise<StoredUpload> {
  const id = crypto.randomUUID();
  const target = `${importFilePath(dataDir, id)}.part`;
  await mkdir(path.dirname(target), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < 4) head = Buffer.concat([head, chunk.subarray(0, 4 - head.length)]);
      done(null, chunk);
    },
  });
  try {
    await pipeline(file, tap, createWriteStream(target));
    if (file.truncated) throw new UploadTooLarge();
    if (size === 0) throw new AppError('VALIDATION_FAILED', { key: 'import.emptyFile' });
    if (head.toString('latin1') !== 'PK\x03\x04') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', { key: 'import.notXlsx' });
    }
  } catch (error) {
    await rm(target, { force: true });
    if (error instanceof UploadTooLarge || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', {
        key: 'import.tooLarge',
        params: { mb: IMPORT_MAX_BYTES / 1024 / 1024 },
      });
    }
    throw error;
  }
  return { id, fileName: fileName.slice(0, FILE_NAME_MAX) || 'import.xlsx', sha256: hash.digest('hex'), size };
}

export async function discardUpload(dataDir: string, upload: StoredUpload): Promise<void> {
  await rm(`${importFilePath(dataDir, upload.id)}.part`, { force: true });
}

/**
 * Makes a VALIDATING job of a stored upload, owned by this process (the caller then schedules its
 * check: services/imports/run.ts). The same user sending the same file of the same kind again
 * while the first is still being checked or waits to be committed gets that job back (a double
 * click, or a retry after a lost answer).
 */
export async function createImportJob(
  prisma: PrismaClient,
  jobs: Jobs,
  dataDir: string,
  user: AuthUser,
  kind: ImportKind,
  upload: StoredUpload,
): Promise<{ job: ImportJob; created: boolean }> {
  try {
    await refuseCommittedFile(prisma, kind, upload.sha256);
    const pending = await prisma.importJob.findFirst({
      where: { requestedById: user.id, kind, fileSha256: upload.sha256, state: { in: ['VALIDATING', 'VALID'] } },
      orderBy: { createdAt: 'desc' },
    });
    if (pending) {
      await discardUpload(dataDir, upload);
      return { job: await toJob(prisma, pending), created: false };
    }
  } catch (error) {
    await discardUpload(dataDir, upload);
    throw error;
  }
  let row: JobRow;
  try {
    row = await prisma.$transaction(async (tx) => {
      await reserveJobSlot(tx, 'import', user.id);
      const created = await tx.importJob.create({
        data: {
          id: upload.id,
          kind,
          fileName: upload.fileName,
          fileSha256: upload.sha256,
          state: 'VALIDATING',
          requestedById: user.id,
        },
      });
      await jobs.claim(tx, 'import', created.id);
      return created;
    });
  } catch (error) {
    await discardUpload(dataDir, upload);
    throw error;
  }
  const file = importFilePath(dataDir, upload.id);
  await rename(`${file}.part`, file);
  return { job: await toJob(prisma, row), created: true };
}

export async function getImportJob(prisma: PrismaClient, user: AuthUser, id: string): Promise<ImportJob> {
  return toJob(prisma, await loadOwnJob(prisma, user, id));
}

/** The caller's newest imports. */
export async function listImportJobs(prisma: PrismaClient, user: AuthUser): Promise<ImportJobList> {
  const rows = await prisma.importJob.findMany({
    where: { requestedById: user.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: IMPORT_LIST_MAX,
  });
  const names = await requesterNames(prisma, rows);
  return { items: rows.map((row) => toSummary(row, names)) };
}

/** Every kept problem of one of the caller's imports. */
export async function importProblems(prisma: PrismaClient, user: AuthUser, id: string): Promise<ImportProblem[]> {
  return problemsOf((await loadOwnJob(prisma, user, id)).problems);
}

/**
 * Moves a VALID job to COMMITTING, owned by this process; `scheduled` says the caller must start
 * the commit. A job already committing or committed is answered as it is (a repeated "确认导入"
 * commits once).
 */
export async function requestCommit(
  prisma: PrismaClient,
  jobs: Jobs,
  dataDir: string,
  user: AuthUser,
  id: string,
): Promise<{ job: ImportJob; scheduled: boolean }> {
  const row = await loadOwnJob(prisma, user, id);
  assertCanImport(user, row.kind as ImportKind);
  if (row.state === 'COMMITTING' || row.state === 'COMMITTED')
    return { job: await toJob(prisma, row), scheduled: false };
  if (row.state !== 'VALID') {
    throw new AppError(
      'CONFLICT',
      row.state === 'VALIDATING'
        ? { key: 'import.stillValidating' }
        : row.state === 'INVALID'
          ? { key: 'import.hasProblems', params: { count: row.problemCount } }
          : row.error
            ? { key: 'import.failedBecause', params: { reason: row.error } }
            : { key: 'import.failed' },
    );
  }
  await refuseCommittedFile(prisma, row.kind as ImportKind, row.fileSha256);
  const exists = await stat(importFilePath(dataDir, id)).then(
    () => true,
    () => false,
  );
  if (!exists) throw new AppError('CONFLICT', { key: 'import.fileGone' });
  // Conditional on VALID: of two simultaneous clicks exactly one starts the commit.
  const count = await prisma.$transaction(async (tx) => {
    await lockUserJobs(tx, 'import', user.id);
    const running = await countRunningJobs(tx, 'import', user.id, id);
    const moved = await tx.importJob.updateMany({
      where: { id, state: 'VALID' },
      data: { state: 'COMMITTING', rowsDone: 0 },
    });
    // Over the limit only if this request is the one that would start it.
    if (moved.count === 1 && running >= RUNNING_JOBS_PER_USER) throw tooManyRunning('import', running);
    if (moved.count === 1) await jobs.claim(tx, 'import', id);
    return moved.count;
  });
  const now = await prisma.importJob.findUniqueOrThrow({ where: { id } });
  return { job: await toJob(prisma, now), scheduled: count === 1 };
}

/** A checked file waits this long for its "确认导入"; after that it is deleted and must be uploaded again. */
export const IMPORT_VALID_DAYS = 7;

/**
 * At start-up: checked files nobody committed for IMPORT_VALID_DAYS are not kept any longer (jobs
 * whose process stopped are failed by services/jobs, which then calls removeUploads).
 */
export async function expireUnconfirmedImports(
  prisma: PrismaClient,
  dataDir: string,
  now = new Date(),
): Promise<number> {
  const stale = new Date(now.getTime() - IMPORT_VALID_DAYS * 86_400_000);
  const rows = await prisma.importJob.findMany({
    where: { state: 'VALID', createdAt: { lt: stale } },
    select: { id: true },
  });
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  await prisma.importJob.updateMany({
    where: { id: { in: ids }, state: 'VALID' },
    data: {
      state: 'FAILED',
      error: `校验通过后 ${IMPORT_VALID_DAYS} 天未确认导入，文件已删除，请重新上传`,
      finishedAt: now,
    },
  });
  await removeUploads(dataDir, ids);
  return rows.length;
}

/** Deletes the uploads of jobs that ended. */
export async function removeUploads(dataDir: string, ids: string[]): Promise<void> {
  for (const id of ids) await rm(importFilePath(dataDir, id), { force: true });
}

/** An upload still being received is this old at most; older `.part` files were abandoned. */
const PART_MAX_AGE_MS = 60 * 60_000;

/**
 * At start-up, after recovery and expireUnconfirmedImports: removes upload files no job needs any
 * more — files of jobs that ended or no longer exist, and `.part` files of uploads a stopped
 * server was receiving. Files of jobs still VALIDATING, VALID or COMMITTING are kept.
 */
export async function sweepImportFiles(prisma: PrismaClient, dataDir: string, now = Date.now()): Promise<number> {
  const folder = path.join(dataDir, 'imports');
  const names = await readdir(folder).catch(() => [] as string[]);
  if (names.length === 0) return 0;
  const ids = names.filter((name) => name.endsWith('.xlsx')).map((name) => name.slice(0, -'.xlsx'.length));
  const live = new Set(
    (
      await prisma.importJob.findMany({
        where: { id: { in: ids }, state: { in: ['VALIDATING', 'VALID', 'COMMITTING'] } },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  let removed = 0;
  for (const name of names) {
    const full = path.join(folder, name);
    if (name.endsWith('.xlsx') && live.has(name.slice(0, -'.xlsx'.length))) continue;
    if (name.endsWith('.part')) {
      const age = await stat(full).then(
        (s) => now - s.mtimeMs,
        () => 0,
      );
      if (age < PART_MAX_AGE_MS) continue;
    }
    await rm(full, { recursive: true, force: true }).catch(() => undefined);
    removed += 1;
  }
  return removed;
}
