// Evidence packs as jobs: asking for one stores it QUEUED (with an EXPORT audit event), owned by
// this process, and hands it to the process's pack runner (services/jobs), which makes one pack
// at a time; reading one needs reach over its org (or having asked for it). Packs whose process
// stopped are failed by services/jobs' recovery.
import { stat } from 'node:fs/promises';
import type { CreateEvidencePackInput, EvidencePack, EvidencePackList } from '@dutyboard/contracts/evidence-packs';
import { EVIDENCE_PACK_KINDS, EVIDENCE_PACK_LIST_MAX } from '@dutyboard/contracts/evidence-packs';
import { EXPORT_PERMISSIONS } from '@dutyboard/contracts/exports';
import { can } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { AppError, forbidden, notFound } from '../../errors/app-error.ts';
import { auditedTransaction, recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { JOB_KINDS } from '../jobs/kinds.ts';
import { reserveJobSlot } from '../jobs/limit.ts';
import { loadReachableOrg, reachesOrg } from '../orgs/scope.ts';
import { type PackDeps, packPath, runPack } from './job.ts';
import { packFileName } from './names.ts';

type PackRow = Prisma.EvidencePackGetPayload<object>;

/** What asking for a pack needs: the job's own deps and this process's jobs. */
export interface PackServiceDeps extends Omit<PackDeps, 'stopping'> {
  jobs: Jobs;
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
  deps: PackServiceDeps,
  user: AuthUser,
  input: CreateEvidencePackInput,
): Promise<EvidencePack> {
  const { prisma, jobs } = deps;
  // A role missing the read permission of any list a pack holds cannot ask for packs.
  if (!EVIDENCE_PACK_KINDS.every((kind) => can(user.role, EXPORT_PERMISSIONS[kind]))) throw forbidden();
  const org = await loadReachableOrg(prisma, user, input.org);
  const pending = await prisma.evidencePack.findFirst({
    where: {
      requestedById: user.id,
      orgId: org.id,
      periodCode: input.period,
      state: { in: [...JOB_KINDS['evidence-pack'].running] },
    },
    orderBy: { createdAt: 'desc' },
  });
  if (pending) return answer(prisma, pending);
  // Its EXPORT event is appended after the job is claimed, last in the transaction (ADR 028).
  const row = await auditedTransaction(prisma, async (tx) => {
    // At most RUNNING_JOBS_PER_USER packs queued or running per user, counted under a lock.
    await reserveJobSlot(tx, 'evidence-pack', user.id);
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
    await jobs.claim(tx, 'evidence-pack', created.id);
    return created;
  });
  jobs.run('evidence-pack', (stopping) => runPack({ ...deps, stopping }, row.id, user));
  return answer(prisma, row);
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
  if (!row) throw notFound('EvidencePack');
  if (row.requestedById === user.id) return row;
  const org = await prisma.orgUnit.findUnique({ where: { id: row.orgId }, select: { id: true, path: true } });
  if (!org || !reachesOrg(user, org)) throw notFound('EvidencePack');
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
    throw new AppError('CONFLICT', { key: row.state === 'FAILED' ? 'pack.failed' : 'pack.notReady' });
  }
  const file = packPath(dataDir, row.id);
  const size = await stat(file).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw new AppError('NOT_FOUND', { key: 'pack.fileGone' });
  return { path: file, fileName: row.fileName, size, sha256: row.sha256, periodCode: row.periodCode };
}
