// The background jobs of this API, declared once (ADR 021): the table each kind lives in, the
// states in which it is queued or running — the states its owner keeps alive with a heartbeat,
// recovery fails once the owner is silent, and the per-user limit counts — and the sentence a
// user reads when the process running it stopped. Everything in services/jobs reads this table.
import type { EvidencePackState, ImportState } from '@dutyboard/db/generated/prisma/enums';

export interface JobKindSpec<State extends string = string> {
  /** The Prisma model's table (a constant spliced into SQL, never user input). */
  table: 'EvidencePack' | 'ImportJob';
  /** Queued or running: owned by one process, which beats for it. */
  running: readonly State[];
  /** The job's error once its process stopped (shutdown or silent owner). */
  interrupted: string;
}

export const JOB_KINDS = {
  'evidence-pack': {
    table: 'EvidencePack',
    running: ['QUEUED', 'RUNNING'],
    interrupted: '服务重启，请重新生成',
  } satisfies JobKindSpec<EvidencePackState>,
  import: {
    table: 'ImportJob',
    running: ['VALIDATING', 'COMMITTING'],
    interrupted: '服务重启，导入已中止且未写入任何数据，请重新上传',
  } satisfies JobKindSpec<ImportState>,
} as const;

export type JobKind = keyof typeof JOB_KINDS;
export const JOB_KIND_NAMES = Object.keys(JOB_KINDS) as JobKind[];

/** `"EvidencePack"` with the states as a SQL list, for the statements in this folder. */
export function sqlOf(kind: JobKind): { table: string; running: string } {
  const spec = JOB_KINDS[kind];
  return { table: `"${spec.table}"`, running: spec.running.map((s) => `'${s}'`).join(', ') };
}
