// The background half of an import: the dry run (VALIDATING → VALID or INVALID) and the commit
// (COMMITTING → COMMITTED, or FAILED with nothing written). Both pass over the stored file with
// the same checks. The commit is one transaction: the kind's advisory lock (two imports of one
// kind never interleave, so overlapping files cannot both create a record), every row written in
// chunks, then — holding the audit chain's lock only for this last step — one CREATE event per
// record and one TRANSITION of the job, and the job marked COMMITTED. Any error rolls it all back.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ImportJob, ImportKind, ImportOrgCount, ImportProblem } from '@dutyboard/contracts/imports';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyBaseLogger } from 'fastify';
import { AppError, isUniqueViolation } from '../../errors/app-error.ts';
import { prepareEvent } from '../audit/chain.ts';
import type { AuthUser } from '../auth/sessions.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { JOB_KINDS } from '../jobs/kinds.ts';
import { AuditChainBatch } from './audit-many.ts';
import { type PassResult, passOverFile } from './check.ts';
import {
  createImportJob,
  expireUnconfirmedImports,
  importFilePath,
  refuseCommittedFile,
  removeUploads,
  requestCommit,
  type StoredUpload,
  sweepImportFiles,
} from './jobs.ts';
import { IMPORT_SPECS } from './kinds.ts';
import { SandboxFailure, type SandboxOptions, sweepSandboxFolders } from './sandbox.ts';
import { type Item, type Lookups, loadLookups } from './spec.ts';
import { UnreadableFile } from './zip-guard.ts';

export interface ImportDeps {
  prisma: PrismaClient;
  /** <DATA_DIR>: uploads are kept under imports/ until their job ends. */
  dataDir: string;
  log: FastifyBaseLogger;
  /** True once the server is shutting down: the job stops at its next chunk. */
  stopping: () => boolean;
  /** Limits of the process that reads the file (tests shorten them). */
  sandbox?: Omit<SandboxOptions, 'tmpRoot' | 'label'>;
}

/** Where the sandboxes of imports keep their temp folders: <DATA_DIR>/tmp. */
export function sandboxRoot(dataDir: string): string {
  return path.join(dataDir, 'tmp');
}

function sandboxOf(deps: ImportDeps, jobId: string): SandboxOptions {
  return { ...deps.sandbox, tmpRoot: sandboxRoot(deps.dataDir), label: jobId };
}

/** Message of an import the server stopped in the middle of (services/jobs). */
export const INTERRUPTED_MESSAGE = JOB_KINDS.import.interrupted;

/** Longest a commit may hold its transaction open. */
export const COMMIT_TIMEOUT_MS = 30 * 60_000;

/** A failure whose message is for the person who imports. */
export class ImportFailure extends Error {}

function problemText(problem: ImportProblem): string {
  return `第${problem.row}行${problem.column ? `“${problem.column}”` : ''}：${problem.reason}`;
}

function failureMessage(error: unknown, fallback: string): string {
  if (error instanceof ImportFailure || error instanceof UnreadableFile || error instanceof AppError) {
    return error.message;
  }
  if (isUniqueViolation(error)) {
    return '导入时发现组织代码或用户名已被占用（可能有人同时新增了相同的记录），未写入任何数据，请重新上传校验';
  }
  if ((error as { code?: unknown })?.code === 'P2028') return '导入超时，未写入任何数据，请拆分文件后分批导入';
  return fallback;
}

/** The pass's rows per org, named, for the job (ImportJob.orgCounts). */
function orgCounts(result: PassResult, lookups: Lookups): ImportOrgCount[] {
  return [...result.orgs].map(([orgId, count]) => ({
    orgId,
    orgName: lookups.byId.get(orgId)?.name ?? '',
    ...count,
  }));
}

async function removeFile(file: string): Promise<void> {
  await rm(file, { force: true }).catch(() => undefined);
}

/** The dry run of a VALIDATING job. Never throws: a failure is stored on the job. */
export async function runValidation(deps: ImportDeps, jobId: string, user: AuthUser): Promise<void> {
  const { prisma } = deps;
  const file = importFilePath(deps.dataDir, jobId);
  try {
    const job = await prisma.importJob.findUnique({ where: { id: jobId } });
    if (job?.state !== 'VALIDATING') return;
    const spec = IMPORT_SPECS[job.kind as keyof typeof IMPORT_SPECS];
    const ctx = { user, lookups: await loadLookups(prisma) };
    const result = await passOverFile<Item>(file, spec, {
      db: prisma,
      ctx,
      onProgress: async (rowsDone, rowsTotal) => {
        await prisma.importJob.update({ where: { id: jobId }, data: { rowsDone, rowsTotal } });
      },
      onNew: async () => undefined,
      checkStopping: () => {
        if (deps.stopping()) throw new ImportFailure(INTERRUPTED_MESSAGE);
      },
      sandbox: sandboxOf(deps, jobId),
    });
    const valid = result.problemCount === 0;
    await prisma.importJob.update({
      where: { id: jobId },
      data: {
        state: valid ? 'VALID' : 'INVALID',
        rowsTotal: result.rows,
        rowsDone: result.rows,
        problems: result.problems,
        problemCount: result.problemCount,
        created: result.fresh,
        skipped: result.skipped,
        orgCounts: valid ? orgCounts(result, ctx.lookups) : [],
        finishedAt: valid ? null : new Date(),
      },
    });
    // A file with problems is uploaded again once fixed; this copy is not needed any more.
    if (!valid) await removeFile(file);
  } catch (error) {
    await fail(deps, jobId, file, error, '校验文件时出错，请稍后重新上传');
  }
}

/** The commit of a COMMITTING job. Never throws: a failure is stored on the job. */
export async function runCommit(deps: ImportDeps, jobId: string, user: AuthUser): Promise<void> {
  const { prisma } = deps;
  const file = importFilePath(deps.dataDir, jobId);
  try {
    const job = await prisma.importJob.findUnique({ where: { id: jobId } });
    if (job?.state !== 'COMMITTING') return;
    const spec = IMPORT_SPECS[job.kind as keyof typeof IMPORT_SPECS];
    const checkStopping = () => {
      if (deps.stopping()) throw new ImportFailure(INTERRUPTED_MESSAGE);
    };
    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(
          'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))',
          `dutyboard:import:${job.kind}`,
        );
        // Under the lock: the same file may have been committed from another job meanwhile.
        await refuseCommittedFile(tx, job.kind as ImportKind, job.fileSha256);
        // The table grows by up to 100,000 rows inside this transaction while the planner's
        // statistics still describe it as it was, so it picks sequential scans for each chunk's
        // look-up of existing keys, and the commit slows quadratically (100,000 rows: +10 s).
        // Every look-up here has an index.
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        const ctx = { user, lookups: await loadLookups(tx) };
        const now = new Date();
        // Each CREATE event is staged as its record is written, so the chain lock at the end
        // covers only the chaining itself.
        const audit = await AuditChainBatch.create(tx);
        const result = await passOverFile<Item>(file, spec, {
          db: tx,
          ctx,
          failFast: true,
          // Progress goes through the client, not the transaction, so the page sees it now.
          onProgress: async (rowsDone) => {
            await prisma.importJob.update({ where: { id: jobId }, data: { rowsDone } });
          },
          onNew: async (items) => {
            const records = await spec.insert(tx, items, { user, now });
            await audit.add(
              records.map((record) =>
                prepareEvent({
                  actorId: user.id,
                  action: 'CREATE',
                  entityType: spec.entityType,
                  entityId: record.entityId,
                  orgId: record.orgId,
                  after: record.after,
                }),
              ),
            );
          },
          checkStopping,
          sandbox: sandboxOf(deps, jobId),
        });
        const first = result.problems[0];
        if (first) {
          throw new ImportFailure(`数据在校验后有了变化（${problemText(first)}），未写入任何数据，请修改后重新上传`);
        }
        checkStopping();

        const summary = {
          kind: job.kind,
          fileName: job.fileName,
          fileSha256: job.fileSha256,
          rows: result.rows,
          created: audit.size,
          skipped: result.skipped,
        };
        await audit.add([
          prepareEvent({
            actorId: user.id,
            action: 'TRANSITION',
            entityType: 'ImportJob',
            entityId: jobId,
            orgId: null,
            before: { state: 'COMMITTING' },
            after: { state: 'COMMITTED', ...summary },
          }),
        ]);
        // Last, so the chain lock (which every other save waits for) is held only while the
        // staged events are hashed and copied into the trail.
        await audit.chain();
        // Only a job still committing: one a replica failed meanwhile (this process looked dead)
        // was told "nothing written", so nothing is.
        const committed = await tx.importJob.updateMany({
          where: { id: jobId, state: 'COMMITTING' },
          data: {
            state: 'COMMITTED',
            rowsTotal: result.rows,
            rowsDone: result.rows,
            created: summary.created,
            skipped: result.skipped,
            orgCounts: orgCounts(result, ctx.lookups),
            finishedAt: new Date(),
          },
        });
        if (committed.count !== 1) throw new ImportFailure(INTERRUPTED_MESSAGE);
      },
      { maxWait: 10_000, timeout: COMMIT_TIMEOUT_MS },
    );
    await removeFile(file);
  } catch (error) {
    await fail(deps, jobId, file, error, '导入时出错，未写入任何数据，请稍后重新上传');
  }
}

async function fail(deps: ImportDeps, jobId: string, file: string, error: unknown, fallback: string): Promise<void> {
  const message = failureMessage(error, fallback);
  if (error instanceof SandboxFailure) {
    deps.log.warn({ jobId, reason: error.message }, 'import sandbox stopped');
  } else if (!(error instanceof ImportFailure || error instanceof UnreadableFile)) {
    deps.log.error({ err: error, jobId }, 'import failed');
  } else if ((error as { detail?: string }).detail) {
    deps.log.warn({ jobId, detail: (error as { detail?: string }).detail }, 'import file unreadable');
  }
  await removeFile(file);
  await deps.prisma.importJob
    .update({ where: { id: jobId }, data: { state: 'FAILED', error: message, finishedAt: new Date() } })
    .catch((updateError: unknown) => deps.log.error({ err: updateError, jobId }, 'could not mark import failed'));
}

/** What the routes' import calls need: the runs' own deps and this process's jobs. */
export interface ImportServiceDeps extends Omit<ImportDeps, 'stopping'> {
  jobs: Jobs;
}

/** Stores an uploaded file as a job of this process and starts its dry run (unless it is a repeat). */
export async function startImport(
  deps: ImportServiceDeps,
  user: AuthUser,
  kind: ImportKind,
  upload: StoredUpload,
): Promise<ImportJob> {
  const { job, created } = await createImportJob(deps.prisma, deps.jobs, deps.dataDir, user, kind, upload);
  if (created) deps.jobs.run('import', (stopping) => runValidation({ ...deps, stopping }, job.id, user));
  return job;
}

/** "确认导入": moves a VALID job to COMMITTING in this process and starts its commit (once). */
export async function startCommit(deps: ImportServiceDeps, user: AuthUser, id: string): Promise<ImportJob> {
  const { job, scheduled } = await requestCommit(deps.prisma, deps.jobs, deps.dataDir, user, id);
  if (scheduled) deps.jobs.run('import', (stopping) => runCommit({ ...deps, stopping }, job.id, user));
  return job;
}

/**
 * What imports add to services/jobs' recovery: the uploads of failed jobs are deleted, and at
 * start-up week-old unconfirmed jobs expire and what dead processes left is swept — sandbox temp
 * folders and uploads no job needs. A failure is only logged: the server starts anyway.
 */
export function defineImportJobs(deps: ImportServiceDeps): void {
  const { prisma, dataDir, log } = deps;
  const attempt = async (what: string, step: () => Promise<number>) => {
    try {
      const count = await step();
      if (count > 0) log.warn({ count }, what);
    } catch (error) {
      log.warn({ err: error }, `could not complete: ${what}`);
    }
  };
  deps.jobs.define('import', {
    afterInterrupted: (ids) => removeUploads(dataDir, ids),
    atStart: async () => {
      await attempt('unconfirmed imports expired', () => expireUnconfirmedImports(prisma, dataDir));
      await attempt('stale import sandbox folders removed', () => sweepSandboxFolders(sandboxRoot(dataDir)));
      await attempt('stale import uploads removed', () => sweepImportFiles(prisma, dataDir));
    },
  });
}
