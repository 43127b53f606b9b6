// Evidence packs (证据包): one zip per org subtree and period holding the records (records.xlsx),
// every evidence file of those records and a manifest of SHA-256 hashes, generated in the
// background. See docs/decisions/014-evidence-packs.md.
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.ts';
import { PeriodCodeSchema } from './periods.ts';

export const EVIDENCE_PACK_STATES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export const EvidencePackStateSchema = z.enum(EVIDENCE_PACK_STATES);
export type EvidencePackState = z.infer<typeof EvidencePackStateSchema>;

/** GET /api/evidence-packs answers the caller's newest packs, at most this many. */
export const EVIDENCE_PACK_LIST_MAX = 20;
/** How often the page asks for the progress of a pack still being made, in ms. */
export const EVIDENCE_PACK_POLL_MS = 700;

/** POST /api/evidence-packs: the org (its whole subtree is covered) and the period. */
export const CreateEvidencePackInputSchema = z.strictObject({
  org: IdSchema,
  period: PeriodCodeSchema,
});
export type CreateEvidencePackInput = z.infer<typeof CreateEvidencePackInputSchema>;

export const EvidencePackSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  periodCode: z.string(),
  state: EvidencePackStateSchema,
  /** Steps done of total: each record list collected, each file added, the manifest written. */
  done: z.number().int(),
  total: z.number().int(),
  requestedByName: z.string().nullable(),
  /** When DONE: the download's name, the zip's SHA-256 (hex) and size in bytes. */
  fileName: z.string().nullable(),
  sha256: z.string().nullable(),
  size: z.number().int().nullable(),
  /** When FAILED: why, in words for the user. */
  error: z.string().nullable(),
  /** GET it for the zip once DONE; null before. */
  downloadUrl: z.string().nullable(),
  createdAt: InstantSchema,
  finishedAt: InstantSchema.nullable(),
});
export type EvidencePack = z.infer<typeof EvidencePackSchema>;

export const EvidencePackListSchema = z.object({ items: z.array(EvidencePackSchema) });
export type EvidencePackList = z.infer<typeof EvidencePackListSchema>;

/** The record kinds of a pack: one sheet in records.xlsx and one folder under files/ each. */
export const EVIDENCE_PACK_KINDS = [
  'activities',
  'study-sessions',
  'publicity',
  'risk-point-checks',
  'risk-alerts',
  'rectifications',
  'assignments',
] as const;
export type EvidencePackKind = (typeof EVIDENCE_PACK_KINDS)[number];

/** The Chinese name of each kind: the sheet's name and the folder's. */
export const EVIDENCE_PACK_KIND_NAMES: Record<EvidencePackKind, string> = {
  activities: '主题活动',
  'study-sessions': '学习研讨',
  publicity: '宣传报道',
  'risk-point-checks': '阵地排查',
  'risk-alerts': '舆情',
  rectifications: '整改',
  assignments: '责任清单',
};

/** One entry of the zip as manifest.json and manifest.csv describe it. */
export const EvidencePackManifestFileSchema = z.object({
  /** Path inside the zip, "/"-separated. */
  path: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** For evidence files: the record kind (Chinese), the record's type and id, and the file's attachment id. */
  recordKind: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  attachmentId: z.string().nullable(),
});
export type EvidencePackManifestFile = z.infer<typeof EvidencePackManifestFileSchema>;

/** manifest.json: what the pack is and every other entry of the zip. */
export const EvidencePackManifestSchema = z.object({
  pack: z.object({
    id: IdSchema,
    orgId: IdSchema,
    orgName: z.string(),
    periodCode: z.string(),
    /** Shanghai calendar days the period covers, both inclusive. */
    from: z.string(),
    to: z.string(),
    requestedBy: z.string(),
    /** "2026-11-24 23:05:10 (Asia/Shanghai)". */
    generatedAt: z.string(),
    counts: z.object({
      records: z.record(z.string(), z.number().int()),
      files: z.number().int(),
    }),
  }),
  files: z.array(EvidencePackManifestFileSchema),
});
export type EvidencePackManifest = z.infer<typeof EvidencePackManifestSchema>;
