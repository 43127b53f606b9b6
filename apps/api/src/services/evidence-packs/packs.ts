// Evidence packs as jobs: asking for one stores it QUEUED (with an EXPORT audit event) and hands
// it to the runner, which makes one pack at a time in this process; reading one needs reach over
// its org (or having asked for it). Packs a stopped server left unfinished are marked FAILED when
// the next one starts.
import { stat } from 'node:fs/promises';
import type { CreateEvidencePackInput, EvidencePack, EvidencePackList } from '@dutyboard/contracts/evidence-packs';
import { EVIDENCE_PACK_KINDS, EVIDENCE_PACK_LIST_MAX } from '@dutyboard/contracts/evidence-packs';
import { EXPORT_PERMISSIONS } from '@dutyboard/contracts/exports';
import { can } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { AppError, forbidden, notFound } from '../../plugins/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadReachableOrg, reachesOrg } from '../orgs/scope.ts';
import { lockUserJobs, RUNNING_JOBS_PER_USER, tooManyRunning } from '../user-job-limit.ts';
import { INTERRUPTED_MESSAGE, type PackDeps, packPath, runPack } from './job.ts';
import { packFileName } from './names.ts';

type PackRow = Prisma.EvidencePackGetPayload<object>;

/** Runs packs one after another in the background; the app waits for it when closing. */
export class PackRunner {
  private tail: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(private readonly deps: Omit<PackDeps, 'stopping'>) {}

  schedule(packId: string, user: AuthUser): void {
    const deps = { ...this.deps, stopping: () => this.closing };
    // After the answer has gone out: the request never waits for the pack.
    this.tail = this.tail
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => runPack(deps, packId, user));
  }

  /** Resolves when every pack scheduled so far has finished (DONE or FAILED). */
  idle(): Promise<void> {
    return this.tail;
  }

  /** Stops at the next step: the running pack and the queued ones end FAILED, to be asked for again. */
  async close(): Promise<void> {
    this.closing = true;
    await this.tail;
  }
}

async function names(prisma: PrismaClient, rows: PackRow[]) {
  const [orgs, users] = await Promise.all([
    prisma.orgUnit.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.orgId))] } },
      select: { id: true, name: true },
    }),
    prisma.user.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.requestedById))] } },
      select: { id: true, displayName: true },
    }),
  ]);
  return {
    org: new Map(orgs.map((o) => [o.id, o.name])),
    user: new Map(users.map((u) => [u.id, u.displayName])),
  };
}

function toEvidencePack(row: PackRow, known: Awaited<ReturnType<typeof names>>): EvidencePack {
  const isDone = row.state === 'DONE';
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: known.org.get(row.orgId) ?? '',
    periodCode: row.periodCode,
    state: row.state,
    done: row.done,
    total: row.total,
    requestedByName: known.user.get(row.requestedById) ?? null,
    fileName: row.fileName,
    sha256: isDone ? row.sha256 : null,
    size: isDone && row.size !== null ? Number(row.size) : null,
    error: row.error,
    downloadUrl: isDone ? `/api/evidence-packs/${row.id}/file` : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

async function answer(prisma: PrismaClient, row: PackRow): Promise<EvidencePack> {
  return toEvidencePack(row, await names(prisma, [row]));
}

/**
 * Stores a QUEUED pack for an org the user reaches (another branch: 404, as everywhere) and its
 * audit event. The same user asking again for the same org and period while the first is still
 * being made gets that one back (a double click makes one pack).
 */
export async function createEvidencePack(
  prisma: PrismaClient,
  user: AuthUser,
  input: CreateEvidencePackInput,
): Promise<{ pack: EvidencePack; created: boolean }> {
  // A role missing the read permission of any list a pack holds cannot ask for packs.
  if (!EVIDENCE_PACK_KINDS.every((kind) => can(user.role, EXPORT_PERMISSIONS[kind]))) throw forbidden();
  const org = await loadReachableOrg(prisma, user, input.org);
  const pending = await prisma.evidencePack.findFirst({
    where: { requestedById: user.id, orgId: org.id, periodCode: input.period, state: { in: ['QUEUED', 'RUNNING'] } },
    orderBy: { createdAt: 'desc' },
  });
  if (pending) return { pack: await answer(prisma, pending), created: false };
  const row = await prisma.$transaction(async (tx) => {
    // At most RUNNING_JOBS_PER_USER packs queued or running per user, counted under a lock.
    await lockUserJobs(tx, 'evidence-pack', user.id);
    const running = await tx.evidencePack.count({
      where: { requestedById: user.id, state: { in: ['QUEUED', 'RUNNING'] } },
    });
    if (running >= RUNNING_JOBS_PER_USER) throw tooManyRunning('证据包', running);
    const created = await tx.evidencePack.create({
      data: {
        requestedById: user.id,
        orgId: org.id,
        periodCode: input.period,
        fileName: packFileName(org.name, input.period),
      },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'EXPORT',
      entityType: 'EvidencePack',
      entityId: created.id,
      orgId: org.id,
      after: { state: 'QUEUED', orgId: org.id, orgName: org.name, periodCode: input.period },
    });
    return created;
  });
  return { pack: await answer(prisma, row), created: true };
}

/** The caller's own packs, newest first. */
export async function listEvidencePacks(prisma: PrismaClient, user: AuthUser): Promise<EvidencePackList> {
  const rows = await prisma.evidencePack.findMany({
    where: { requestedById: user.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: EVIDENCE_PACK_LIST_MAX,
  });
  const known = await names(prisma, rows);
  return { items: rows.map((row) => toEvidencePack(row, known)) };
}

/** A pack the user asked for or whose org they reach; anything else is a 404. */
async function loadReadablePack(prisma: PrismaClient, user: AuthUser, id: string): Promise<PackRow> {
  const row = await prisma.evidencePack.findUnique({ where: { id } });
  if (!row) throw notFound('证据包');
  if (row.requestedById === user.id) return row;
  const org = await prisma.orgUnit.findUnique({ where: { id: row.orgId }, select: { id: true, path: true } });
  if (!org || !reachesOrg(user, org)) throw notFound('证据包');
  return row;
}

export async function getEvidencePack(prisma: PrismaClient, user: AuthUser, id: string): Promise<EvidencePack> {
  return answer(prisma, await loadReadablePack(prisma, user, id));
}

/** The finished zip of a readable pack: 409 while it is being made or when it failed. */
export async function evidencePackFile(
  prisma: PrismaClient,
  dataDir: string,
  user: AuthUser,
  id: string,
): Promise<{ path: string; fileName: string; size: number; sha256: string; periodCode: string }> {
  const row = await loadReadablePack(prisma, user, id);
  if (row.state !== 'DONE' || !row.sha256 || !row.fileName) {
    throw new AppError(
      'CONFLICT',
      row.state === 'FAILED' ? '证据包生成失败，请重新生成' : '证据包还在生成中，请稍后再下载',
      409,
    );
  }
  const file = packPath(dataDir, row.id);
  const size = await stat(file).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw new AppError('NOT_FOUND', '证据包文件已不存在，请重新生成', 404);
  return { path: file, fileName: row.fileName, size, sha256: row.sha256, periodCode: row.periodCode };
}

/** At start-up: packs a stopped server was making will never finish; say so on them. */
export async function failInterruptedPacks(prisma: PrismaClient): Promise<number> {
  const { count } = await prisma.evidencePack.updateMany({
    where: { state: { in: ['QUEUED', 'RUNNING'] } },
    data: { state: 'FAILED', error: INTERRUPTED_MESSAGE, finishedAt: new Date() },
  });
  return count;
}
