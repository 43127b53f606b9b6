// 督查 / 通报 / 谈话 / 问责 ledger (ADR 049): list, read, create, update, delete. A record belongs
// to the unit it concerns and is written by the level above (never about one's own home org); a
// done 督查's findings each become a rectification of that unit, linked to it, once.
import {
  type Accountability,
  type AccountabilityField,
  type AccountabilityPage,
  accountabilityFieldIssues,
  type CreateAccountabilityInput,
  type ListAccountabilityQuerySchema,
  type UpdateAccountabilityInput,
} from '@dutyboard/contracts/accountability';
import { shanghaiLocalDate } from '@dutyboard/contracts/periods';
import { RECTIFICATION_FINDING_REF_MAX } from '@dutyboard/contracts/rectifications';
import type { Prisma, PrismaClient } from '@dutyboard/db/client';
import type { z } from 'zod';
import { fieldIssue, validationError } from '../../errors/app-error.ts';
import type { AuthUser } from '../auth/sessions.ts';
import { loadWritableOrg, orgIdsInScope } from '../orgs/scope.ts';
import { dayRange, keysetPage, sortKeyset } from '../records/keyset.ts';
import { countedPage } from '../records/page-total.ts';
import { loadInScope, RECORD_KINDS, type RowOf } from '../records/registry.ts';
import { createRecord, deleteService, versionedUpdate } from '../records/writes.ts';

type Tx = Prisma.TransactionClient;
type Row = RowOf<'Accountability'>;
const KIND = RECORD_KINDS.Accountability;

export function toAccountability(row: Row): Accountability {
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.org.name,
    type: row.type,
    title: row.title,
    plannedAt: row.plannedAt?.toISOString() ?? null,
    occurredAt: row.occurredAt?.toISOString() ?? null,
    findings: row.findings,
    colour: row.colour,
    grounds: row.grounds,
    person: row.person,
    measure: row.measure,
    followUp: row.followUp,
    rectificationIds: row.rectifications.map((r) => r.id),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const SORTS = { occurredAt: 'date', createdAt: 'date' } as const;

/** The list the BRANCH_INSPECTION and NOTICE_RED figures drill to: type, colour, days on occurredAt. */
export async function listAccountability(
  prisma: PrismaClient,
  user: AuthUser,
  params: z.output<typeof ListAccountabilityQuerySchema>,
): Promise<AccountabilityPage> {
  const range = dayRange(params.from, params.to);
  const where: Prisma.AccountabilityWhereInput = {
    orgId: { in: await orgIdsInScope(prisma, user, params.org, params.own) },
    ...(params.type ? { type: params.type } : {}),
    ...(params.colour ? { colour: params.colour } : {}),
    ...(params.planned === 'true' ? { type: 'INSPECTION', occurredAt: null } : {}),
    ...(params.planned === 'false' ? { occurredAt: { not: null } } : {}),
    ...(range ? { occurredAt: range } : {}),
  };
  const table = KIND.table(prisma);
  return countedPage(
    params,
    () =>
      keysetPage(
        sortKeyset(params.sort, SORTS, { nullsLast: ['occurredAt'] }),
        where,
        params,
        (query) => table.findMany(query),
        (rows) => rows.map(toAccountability),
      ),
    () => table.count(where),
  );
}

export async function getAccountability(prisma: PrismaClient, user: AuthUser, id: string): Promise<Accountability> {
  return toAccountability(await loadInScope(prisma, user, KIND, id));
}

/** A unit below the writer's home org: the ledger is kept by the level above. */
async function checkUnitBelow(tx: Tx, user: AuthUser, orgId: string): Promise<void> {
  if (orgId === user.orgId) {
    const said = { key: 'accountability.ownOrg' } as const;
    throw validationError([fieldIssue('orgId', 'own_org', said)], said);
  }
  await loadWritableOrg(tx, user, orgId);
}

/** The type's field rules on the record as it will stand (contracts: ACCOUNTABILITY_FIELDS). */
function checkFields(value: Parameters<typeof accountabilityFieldIssues>[0]): void {
  const issues = accountabilityFieldIssues(value);
  if (issues.length === 0) return;
  throw validationError(
    issues.map((i) =>
      fieldIssue(i.path, i.code, {
        key: i.code === 'required' ? 'accountability.fieldRequired' : 'accountability.fieldNotAllowed',
      }),
    ),
  );
}

const blank = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v : null);
const instant = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

/**
 * The findings of a done 督查 not yet made a rectification (by their words), each made one of the
 * inspected unit, linked to the record. A finding removed later leaves its rectification standing.
 */
async function rectifyFindings(tx: Tx, user: AuthUser, row: Row): Promise<Row> {
  if (row.type !== 'INSPECTION' || !row.occurredAt || row.findings.length === 0) return row;
  const made = await tx.rectification.findMany({ where: { accountabilityId: row.id }, select: { problem: true } });
  const known = new Set(made.map((r) => r.problem));
  const day = shanghaiLocalDate(row.occurredAt);
  let added = false;
  for (const [i, problem] of row.findings.entries()) {
    if (known.has(problem)) continue;
    known.add(problem);
    await createRecord(
      tx,
      user,
      RECORD_KINDS.Rectification,
      {
        orgId: row.orgId,
        problem,
        source: 'INSPECTION',
        findingRef: `${day} 督查第${i + 1}条`.slice(0, RECTIFICATION_FINDING_REF_MAX),
        accountabilityId: row.id,
      },
      { orgChecked: true },
    );
    added = true;
  }
  if (!added) return row;
  const again = await KIND.table(tx).find(row.id);
  if (!again) throw new Error(`Accountability ${row.id} vanished inside its own transaction`);
  return again;
}

export async function createAccountability(
  tx: Tx,
  user: AuthUser,
  input: CreateAccountabilityInput,
): Promise<Accountability> {
  await checkUnitBelow(tx, user, input.orgId);
  checkFields(input);
  const row = await createRecord(
    tx,
    user,
    KIND,
    {
      orgId: input.orgId,
      type: input.type,
      title: input.title,
      plannedAt: instant(input.plannedAt) ?? null,
      occurredAt: instant(input.occurredAt) ?? null,
      findings: input.findings ?? [],
      colour: input.colour ?? null,
      grounds: blank(input.grounds) ?? null,
      person: blank(input.person) ?? null,
      measure: input.measure ?? null,
      followUp: blank(input.followUp) ?? null,
    },
    { orgChecked: true },
  );
  return toAccountability(await rectifyFindings(tx, user, row));
}

export async function updateAccountability(
  tx: Tx,
  user: AuthUser,
  id: string,
  input: UpdateAccountabilityInput,
  expectedVersion?: number,
): Promise<Accountability> {
  const before = await loadInScope(tx, user, KIND, id, expectedVersion);
  if (input.orgId && input.orgId !== before.orgId) await checkUnitBelow(tx, user, input.orgId);
  const data = {
    orgId: input.orgId,
    title: input.title,
    plannedAt: instant(input.plannedAt),
    occurredAt: instant(input.occurredAt),
    findings: input.findings,
    colour: input.colour,
    grounds: blank(input.grounds),
    person: blank(input.person),
    measure: input.measure,
    followUp: blank(input.followUp),
  };
  // The record as it will stand, judged by its type's rules.
  const merged: Record<AccountabilityField, unknown> = {
    plannedAt: data.plannedAt === undefined ? before.plannedAt : data.plannedAt,
    occurredAt: data.occurredAt === undefined ? before.occurredAt : data.occurredAt,
    findings: data.findings ?? before.findings,
    colour: data.colour === undefined ? before.colour : data.colour,
    grounds: data.grounds === undefined ? before.grounds : data.grounds,
    person: data.person === undefined ? before.person : data.person,
    measure: data.measure === undefined ? before.measure : data.measure,
    followUp: data.followUp === undefined ? before.followUp : data.followUp,
  };
  checkFields({ ...merged, type: before.type });
  const row = await versionedUpdate(tx, user, KIND, before, data);
  return toAccountability(await rectifyFindings(tx, user, row));
}

export const deleteAccountability = deleteService(KIND);
