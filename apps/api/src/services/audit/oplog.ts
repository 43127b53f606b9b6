// 操作日志: the audit trail read as a log, newest first, in the reader's reach (issue 16). A
// reader who reaches every org sees every event, the sign-ins and refusals too; one who reaches a
// subtree (a 区 or 街道 leader, auditor, reviewer or admin: ADR 035) sees only the events of its orgs.
// Pages by event id (id order is the chain's and time's order, ADR 012), with the total.
import type { OplogActors, OplogPage, OplogQuerySchema } from '@dutyboard/contracts/oplog';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import type { AuthUser } from '../auth/sessions.ts';
import { changedFields } from '../history/history.ts';
import { orgIdsInScope, reachesEverything } from '../orgs/scope.ts';
import { dayRange } from '../records/keyset.ts';
import { countedPage } from '../records/page-total.ts';

type Params = z.output<typeof OplogQuerySchema>;

/** The events the reader reaches: all, or those of the orgs in a subtree reach. */
async function scopeWhere(prisma: PrismaClient, user: AuthUser): Promise<Prisma.AuditEventWhereInput> {
  if (await reachesEverything(prisma, user)) return {};
  return { orgId: { in: await orgIdsInScope(prisma, user) } };
}

export async function listOplog(prisma: PrismaClient, user: AuthUser, params: Params): Promise<OplogPage> {
  const at = dayRange(params.from, params.to);
  const where: Prisma.AuditEventWhereInput = {
    ...(await scopeWhere(prisma, user)),
    ...(params.user ? { actorId: params.user } : {}),
    ...(params.kind ? { entityType: params.kind } : {}),
    ...(params.action ? { action: params.action } : {}),
    ...(at ? { at } : {}),
  };
  const page = async () => {
    const rows = await prisma.auditEvent.findMany({
      where: params.cursor ? { AND: [where, { id: { lt: BigInt(params.cursor) } }] } : where,
      orderBy: { id: 'desc' },
      take: params.limit + 1,
    });
    const shown = rows.slice(0, params.limit);
    const [actors, orgs] = await Promise.all([
      prisma.user.findMany({
        where: { id: { in: [...new Set(shown.flatMap((e) => (e.actorId ? [e.actorId] : [])))] } },
        select: { id: true, displayName: true },
      }),
      prisma.orgUnit.findMany({
        where: { id: { in: [...new Set(shown.flatMap((e) => (e.orgId ? [e.orgId] : [])))] } },
        select: { id: true, name: true },
      }),
    ]);
    const actorName = new Map(actors.map((u) => [u.id, u.displayName]));
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const last = shown.at(-1);
    return {
      items: shown.map((e) => ({
        id: e.id.toString(),
        at: e.at.toISOString(),
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        orgId: e.orgId,
        orgName: e.orgId ? (orgName.get(e.orgId) ?? null) : null,
        actorId: e.actorId,
        actorName: e.actorId ? (actorName.get(e.actorId) ?? null) : null,
        fields: changedFields(e.before, e.after).map((c) => c.field),
      })),
      nextCursor: rows.length > params.limit && last ? last.id.toString() : null,
    };
  };
  return countedPage(params, page, () => prisma.auditEvent.count({ where }));
}

/** Whom the log may be narrowed to: the users in the reader's reach, by name. */
export async function listOplogActors(prisma: PrismaClient, user: AuthUser): Promise<OplogActors> {
  const reach = (await reachesEverything(prisma, user)) ? {} : { orgId: { in: await orgIdsInScope(prisma, user) } };
  const items = await prisma.user.findMany({
    where: reach,
    select: { id: true, displayName: true },
    orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
  });
  return { items };
}
