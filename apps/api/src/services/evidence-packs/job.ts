// Makes one evidence pack in the background: the org subtree's records of the period (one sheet
// per record kind, read through the same list services as the list pages and exports, as the
// requester), then every evidence file of those records, then the manifests; the zip goes to
// <DATA_DIR>/packs/<id>.zip through a temporary name, so a half-written pack is never served.
// Progress (done of total) is stored as it goes, for the page to poll.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { EntityType } from '@dutyboard/contracts/attachments';
import {
  EVIDENCE_PACK_KIND_NAMES,
  EVIDENCE_PACK_KINDS,
  type EvidencePackKind,
  type EvidencePackManifest,
  type EvidencePackManifestFile,
} from '@dutyboard/contracts/evidence-packs';
import { periodFromCode } from '@dutyboard/contracts/periods';
import type { PrismaClient } from '@dutyboard/db/client';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../errors/app-error.ts';
import { FileStore } from '../attachments/store.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { listSheet, type Sheet, writeCsv, writeXlsx } from '../exports/sheets.ts';
import { describeListExport } from '../exports/title.ts';
import { JOB_KINDS } from '../jobs/kinds.ts';
import { PackPaths, shanghaiDate, shanghaiDateTime, shanghaiWallClock } from './names.ts';
import { MAX_ZIP_BYTES, MAX_ZIP_ENTRIES, type WrittenEntry, ZipFileWriter } from './zip-writer.ts';

export interface PackDeps {
  prisma: PrismaClient;
  /** <DATA_DIR>: attachments are read from files/, packs written to packs/. */
  dataDir: string;
  log: FastifyBaseLogger;
  /** True once the server is shutting down: the job stops at its next step. */
  stopping: () => boolean;
}

/** Message of a pack that could not be finished because the server stopped (services/jobs). */
const INTERRUPTED_MESSAGE = JOB_KINDS['evidence-pack'].interrupted;

/** A failure whose message is for the person who asked for the pack. */
class PackFailure extends Error {}

/** Where a finished pack lives. */
export function packPath(dataDir: string, id: string): string {
  return path.join(dataDir, 'packs', `${id}.zip`);
}

/** A record whose evidence files go into the pack, and the folder they go in. */
interface RecordRef {
  entityType: EntityType;
  id: string;
  date: Date;
  title: string;
}

type RefLoader = (prisma: PrismaClient, ids: string[]) => Promise<RecordRef[]>;

/**
 * The records of each sheet whose attachments the pack carries, by the ids the sheet lists. A
 * 阵地排查 sheet lists checks, which carry no files of their own: the files are those of each
 * 阵地 checked, in one folder per 阵地 dated by its latest check of the period.
 */
const REF_LOADERS: Record<EvidencePackKind, RefLoader> = {
  activities: async (prisma, ids) =>
    (
      await prisma.activity.findMany({
        where: { id: { in: ids } },
        select: { id: true, occurredAt: true, title: true },
      })
    ).map((r) => ({ entityType: 'Activity', id: r.id, date: r.occurredAt, title: r.title })),
  'study-sessions': async (prisma, ids) =>
    (
      await prisma.studySession.findMany({
        where: { id: { in: ids } },
        select: { id: true, occurredAt: true, topic: true },
      })
    ).map((r) => ({ entityType: 'StudySession', id: r.id, date: r.occurredAt, title: r.topic })),
  publicity: async (prisma, ids) =>
    (
      await prisma.publicityItem.findMany({
        where: { id: { in: ids } },
        select: { id: true, publishedAt: true, title: true },
      })
    ).map((r) => ({ entityType: 'PublicityItem', id: r.id, date: r.publishedAt, title: r.title })),
  'risk-point-checks': async (prisma, ids) => {
    const checks = await prisma.riskPointCheck.findMany({
      where: { id: { in: ids } },
      select: { checkedAt: true, riskPoint: { select: { id: true, name: true } } },
    });
    const points = new Map<string, RecordRef>();
    for (const check of checks) {
      const known = points.get(check.riskPoint.id);
      if (!known || known.date < check.checkedAt) {
        points.set(check.riskPoint.id, {
          entityType: 'RiskPoint',
          id: check.riskPoint.id,
          date: check.checkedAt,
          title: check.riskPoint.name,
        });
      }
    }
    return [...points.values()];
  },
  'risk-alerts': async (prisma, ids) =>
    (
      await prisma.riskAlert.findMany({
        where: { id: { in: ids } },
        select: { id: true, registeredAt: true, summary: true },
      })
    ).map((r) => ({ entityType: 'RiskAlert', id: r.id, date: r.registeredAt, title: r.summary })),
  rectifications: async (prisma, ids) =>
    (
      await prisma.rectification.findMany({
        where: { id: { in: ids } },
        select: { id: true, createdAt: true, problem: true },
      })
    ).map((r) => ({ entityType: 'Rectification', id: r.id, date: r.createdAt, title: r.problem })),
  assignments: async (prisma, ids) =>
    (
      await prisma.assignment.findMany({
        where: { id: { in: ids } },
        select: { id: true, dueAt: true, createdAt: true, task: true },
      })
    ).map((r) => ({ entityType: 'Assignment', id: r.id, date: r.dueAt ?? r.createdAt, title: r.task })),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record ids a sheet lists: its last column (services/exports puts the id last). */
function sheetIds(sheet: Sheet): string[] {
  return sheet.rows.map((row) => row.at(-1)).filter((v): v is string => typeof v === 'string' && UUID.test(v));
}

/** Stores progress at most this often (and always at the end of a phase). */
const PROGRESS_EVERY_MS = 250;

/** Runs a pack to DONE or FAILED. Never throws: a failure is stored on the pack. */
export async function runPack(deps: PackDeps, packId: string, user: AuthUser): Promise<void> {
  const { prisma } = deps;
  const finalPath = packPath(deps.dataDir, packId);
  const tempPath = `${finalPath}.${process.pid}.${Date.now()}.tmp`;
  let writer: ZipFileWriter | undefined;
  try {
    const pack = await prisma.evidencePack.findUnique({ where: { id: packId } });
    if (pack?.state !== 'QUEUED') return;
    const org = await prisma.orgUnit.findUniqueOrThrow({ where: { id: pack.orgId } });
    const period = periodFromCode(pack.periodCode);
    const from = shanghaiDate(period.startsAt);
    const to = shanghaiDate(new Date(period.endsAt.getTime() - 1));
    // One moment for every sheet's computed fields (overdue, reporting clocks).
    const startedAt = new Date();

    let done = 0;
    // Each sheet, then each file, then the manifests; the file count is known after the sheets.
    let total = EVIDENCE_PACK_KINDS.length + 1;
    let savedAt = 0;
    const progress = async (force = false) => {
      if (!force && Date.now() - savedAt < PROGRESS_EVERY_MS) return;
      savedAt = Date.now();
      await prisma.evidencePack.update({ where: { id: packId }, data: { done, total } });
    };
    const checkStopping = () => {
      if (deps.stopping()) throw new PackFailure(INTERRUPTED_MESSAGE);
    };
    await prisma.evidencePack.update({ where: { id: packId }, data: { state: 'RUNNING', done, total } });

    // 1. The records, one sheet per kind, as the requester's own lists answer them.
    const sheets: Sheet[] = [];
    const refs: { kind: EvidencePackKind; ref: RecordRef }[] = [];
    const counts: Record<string, number> = {};
    for (const kind of EVIDENCE_PACK_KINDS) {
      checkStopping();
      const query = kind === 'assignments' ? { org: org.id, period: period.code } : { org: org.id, from, to };
      const listed = await listSheet(prisma, user, kind, query, { now: startedAt });
      // The same title block as the list's export: the org (the pack's whole subtree is in the
      // sheet, each row naming its own org), the list, the period, the count, who and when.
      const about = await describeListExport(prisma, user, kind, listed.name, query, listed.rows.length, startedAt);
      const sheet = { ...listed, name: EVIDENCE_PACK_KIND_NAMES[kind], title: about.title };
      sheets.push(sheet);
      counts[sheet.name] = sheet.rows.length;
      const ids = sheetIds(sheet);
      if (ids.length > 0) {
        for (const ref of await REF_LOADERS[kind](prisma, ids)) refs.push({ kind, ref });
      }
      done += 1;
      await progress(true);
    }

    // 2. Their evidence files.
    const attachments = await collectAttachments(prisma, refs);
    const bytes = attachments.reduce((sum, a) => sum + a.row.size, 0);
    if (attachments.length + 3 > MAX_ZIP_ENTRIES || bytes > MAX_ZIP_BYTES) {
      throw new PackFailure(
        `佐证材料共 ${attachments.length} 个文件、${(bytes / 1024 ** 3).toFixed(1)} GB，超出单个证据包的上限（4 GB、65535 个文件），请缩短周期或按下级组织分别生成`,
      );
    }
    total = EVIDENCE_PACK_KINDS.length + attachments.length + 1;
    await progress(true);

    await mkdir(path.dirname(finalPath), { recursive: true });
    const generatedAt = new Date();
    writer = await ZipFileWriter.create(tempPath, shanghaiWallClock(generatedAt));
    const entries: EvidencePackManifestFile[] = [];
    const plain = (e: WrittenEntry): EvidencePackManifestFile => ({
      ...e,
      recordKind: null,
      entityType: null,
      entityId: null,
      attachmentId: null,
    });
    entries.push(plain(await writer.addBytes('records.xlsx', await writeXlsx(sheets))));

    const store = new FileStore(path.join(deps.dataDir, 'files'));
    const paths = new PackPaths();
    for (const { kind, ref, row } of attachments) {
      checkStopping();
      const kindName = EVIDENCE_PACK_KIND_NAMES[kind];
      const entry = await writer.add(
        paths.fileOf(kindName, ref, row.fileName),
        readStored(store, row.sha256, kindName, ref, row.fileName),
      );
      if (entry.sha256 !== row.sha256) {
        throw new PackFailure(
          `佐证材料文件已损坏（${kindName}“${ref.title.slice(0, 30)}”的 ${row.fileName}），请联系管理员`,
        );
      }
      entries.push({
        ...entry,
        recordKind: kindName,
        entityType: ref.entityType,
        entityId: ref.id,
        attachmentId: row.id,
      });
      done += 1;
      await progress();
    }

    // 3. The manifests: the CSV lists what came before it; the JSON lists everything but itself.
    const requester = await prisma.user.findUnique({
      where: { id: pack.requestedById },
      select: { displayName: true },
    });
    entries.push(
      plain(await writer.addBytes('manifest.csv', Buffer.from(writeCsv(manifestSheet(entries))), { deflate: true })),
    );
    const manifest: EvidencePackManifest = {
      pack: {
        id: pack.id,
        orgId: org.id,
        orgName: org.name,
        periodCode: period.code,
        from,
        to,
        requestedBy: requester?.displayName ?? user.displayName,
        generatedAt: `${shanghaiDateTime(generatedAt)} (Asia/Shanghai)`,
        counts: { records: counts, files: attachments.length },
      },
      files: entries,
    };
    await writer.addBytes('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)), { deflate: true });
    const zip = await writer.finish();
    writer = undefined;
    await rename(tempPath, finalPath);
    done = total;
    await prisma.$transaction(async (tx) => {
      // Only a pack still running: one a replica failed meanwhile (this process looked dead) stays failed.
      const finished = await tx.evidencePack.updateMany({
        where: { id: packId, state: 'RUNNING' },
        data: {
          state: 'DONE',
          done,
          total,
          fileName: pack.fileName,
          sha256: zip.sha256,
          size: BigInt(zip.size),
          finishedAt: new Date(),
        },
      });
      if (finished.count !== 1) throw new PackFailure(INTERRUPTED_MESSAGE);
      // The trail keeps the hash of what was handed out, so a pack shown later can be checked.
      await recordAudit(tx, {
        actorId: pack.requestedById,
        action: 'EXPORT',
        entityType: 'EvidencePack',
        entityId: pack.id,
        orgId: org.id,
        before: { state: 'RUNNING' },
        after: { state: 'DONE', periodCode: period.code, fileName: pack.fileName, sha256: zip.sha256, size: zip.size },
      });
    });
  } catch (error) {
    await writer?.abort(tempPath).catch(() => undefined);
    await rm(tempPath, { force: true }).catch(() => undefined);
    const message =
      error instanceof PackFailure || error instanceof AppError ? error.message : '生成证据包时出错，请稍后重新生成';
    if (!(error instanceof PackFailure)) deps.log.error({ err: error, packId }, 'evidence pack failed');
    await prisma.evidencePack
      .update({ where: { id: packId }, data: { state: 'FAILED', error: message, finishedAt: new Date() } })
      .catch((updateError: unknown) => deps.log.error({ err: updateError, packId }, 'could not mark pack failed'));
  }
}

async function collectAttachments(prisma: PrismaClient, refs: { kind: EvidencePackKind; ref: RecordRef }[]) {
  const byKey = new Map(refs.map((r) => [`${r.ref.entityType}:${r.ref.id}`, r]));
  const types = [...new Set(refs.map((r) => r.ref.entityType))];
  const rows = [];
  for (const entityType of types) {
    const ids = refs.filter((r) => r.ref.entityType === entityType).map((r) => r.ref.id);
    rows.push(
      ...(await prisma.attachment.findMany({
        where: { entityType, entityId: { in: ids } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })),
    );
  }
  // In sheet order (each sheet in its list's order), then upload order: the zip reads like the spreadsheet.
  const order = new Map(refs.map((r, i) => [`${r.ref.entityType}:${r.ref.id}`, i]));
  return rows
    .map((row) => {
      const key = `${row.entityType}:${row.entityId}`;
      const owner = byKey.get(key);
      if (!owner) throw new Error(`attachment ${row.id} without its record`);
      return { ...owner, row, order: order.get(key) ?? 0 };
    })
    .sort((a, b) => a.order - b.order);
}

/** A stored file's bytes, chunk by chunk; a missing file fails the pack with words that say which. */
async function* readStored(store: FileStore, sha: string, kindName: string, ref: RecordRef, fileName: string) {
  try {
    for await (const chunk of store.open(sha)) yield chunk as Buffer;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PackFailure(`佐证材料文件缺失（${kindName}“${ref.title.slice(0, 30)}”的 ${fileName}），请联系管理员`);
    }
    throw error;
  }
}

function manifestSheet(entries: EvidencePackManifestFile[]): Sheet {
  return {
    name: '清单',
    columns: [
      { header: '路径' },
      { header: '大小（字节）' },
      { header: 'SHA-256' },
      { header: '记录类别' },
      { header: '记录类型' },
      { header: '记录ID' },
      { header: '附件ID' },
    ],
    rows: entries.map((e) => [e.path, e.size, e.sha256, e.recordKind, e.entityType, e.entityId, e.attachmentId]),
  };
}
