// Every record type that carries attachments and history: how to find its org (for reach), and
// which actions read and write it. Attachments and history ask here, so they can never be more
// open than the record they belong to.
import type { EntityType } from '@dutyboard/contracts/attachments';
import { type Action, can } from '@dutyboard/contracts/permissions';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import { notFound } from '../../plugins/errors.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { reachesOrg } from '../orgs/scope.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export interface OwningRecord {
  entityType: EntityType;
  id: string;
  orgId: string;
  orgPath: string;
  /** For assignments: the owner, who may add closing evidence to their own task. */
  ownerId?: string;
  /** Closed with its evidence (task or rectification DONE, alert CLOSED): evidence may be added, not removed. */
  closed?: boolean;
}

const org = { select: { path: true } } as const;

const LOADERS: Record<EntityType, (db: Db, id: string) => Promise<Omit<OwningRecord, 'entityType'> | null>> = {
  Activity: async (db, id) =>
    flat(await db.activity.findUnique({ where: { id }, select: { id: true, orgId: true, org } })),
  StudySession: async (db, id) =>
    flat(await db.studySession.findUnique({ where: { id }, select: { id: true, orgId: true, org } })),
  PublicityItem: async (db, id) =>
    flat(await db.publicityItem.findUnique({ where: { id }, select: { id: true, orgId: true, org } })),
  RiskPoint: async (db, id) =>
    flat(await db.riskPoint.findUnique({ where: { id }, select: { id: true, orgId: true, org } })),
  RiskAlert: async (db, id) => {
    const row = await db.riskAlert.findUnique({ where: { id }, select: { id: true, orgId: true, state: true, org } });
    return row ? { ...flat(row), closed: row.state === 'CLOSED' } : null;
  },
  Assignment: async (db, id) => {
    const row = await db.assignment.findUnique({
      where: { id },
      select: { id: true, orgId: true, ownerId: true, status: true, org },
    });
    return row ? { ...flat(row), ownerId: row.ownerId, closed: row.status === 'DONE' } : null;
  },
  Rectification: async (db, id) => {
    const row = await db.rectification.findUnique({
      where: { id },
      select: { id: true, orgId: true, status: true, org },
    });
    return row ? { ...flat(row), closed: row.status === 'DONE' } : null;
  },
};

function flat(row: { id: string; orgId: string; org: { path: string } }): Omit<OwningRecord, 'entityType'>;
function flat(
  row: { id: string; orgId: string; org: { path: string } } | null,
): Omit<OwningRecord, 'entityType'> | null;
function flat(row: { id: string; orgId: string; org: { path: string } } | null) {
  return row ? { id: row.id, orgId: row.orgId, orgPath: row.org.path } : null;
}

/** The action that reads each record type, and the actions any one of which lets a user add evidence. */
export const RECORD_ACTIONS: Record<EntityType, { read: Action; write: Action[] }> = {
  Activity: { read: 'activity:read', write: ['activity:update'] },
  StudySession: { read: 'study:read', write: ['study:write'] },
  PublicityItem: { read: 'publicity:read', write: ['publicity:write'] },
  RiskPoint: { read: 'riskpoint:read', write: ['riskpoint:write'] },
  RiskAlert: { read: 'alert:read', write: ['alert:register', 'alert:assess', 'alert:handle'] },
  Assignment: { read: 'assignment:read', write: ['plan:manage'] },
  Rectification: { read: 'rectification:read', write: ['rectification:write'] },
};

/** Loads the record a user may read, or 404 (a record out of reach is not revealed). */
export async function loadReadableRecord(db: Db, user: AuthUser, entityType: EntityType, id: string) {
  if (!can(user.role, RECORD_ACTIONS[entityType].read)) throw notFound();
  const row = await LOADERS[entityType](db, id);
  if (!row || !reachesOrg(user, { id: row.orgId, path: row.orgPath })) throw notFound();
  return { entityType, ...row } satisfies OwningRecord;
}

/** Whether the user may add or remove evidence on a record they can read. */
export function canWriteRecord(user: AuthUser, record: OwningRecord): boolean {
  if (record.entityType === 'Assignment' && record.ownerId === user.id) return true;
  return RECORD_ACTIONS[record.entityType].write.some((action) => can(user.role, action));
}
