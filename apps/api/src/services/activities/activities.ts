// Activities (主题活动): the standard services of the kind (records/service.ts) with its own
// answer, filters and stored fields.
import type {
  Activity,
  CreateActivityInput,
  ListActivitiesQuerySchema,
  UpdateActivityInput,
} from '@dutyboard/contracts/activities';
import type { Prisma } from '@dutyboard/db/client';
import type { z } from 'zod';
import { RECORD_KINDS, type RowOf } from '../records/registry.ts';
import { recordService } from '../records/service.ts';
import { timeKnownChange } from '../records/time-known.ts';

type ActivityRow = RowOf<'Activity'>;

export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.org.name,
    category: row.category,
    title: row.title,
    occurredAt: row.occurredAt.toISOString(),
    timeKnown: row.timeKnown,
    location: row.location,
    participants: row.participants,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a new activity stores (a create, and each imported row): a field left out is null. */
export function storedActivity(input: CreateActivityInput) {
  return {
    orgId: input.orgId,
    category: input.category,
    title: input.title,
    occurredAt: new Date(input.occurredAt),
    timeKnown: input.timeKnown ?? true,
    location: input.location ?? null,
    participants: input.participants,
    description: input.description ?? null,
  };
}

export const activityService = recordService({
  kind: RECORD_KINDS.Activity,
  answer: toActivity,
  list: {
    sorts: { occurredAt: 'date', createdAt: 'date', participants: 'int' },
    days: 'occurredAt',
    where: (params: z.output<typeof ListActivitiesQuerySchema>): Prisma.ActivityWhereInput =>
      params.category ? { category: params.category } : {},
  },
  created: storedActivity,
  changed: (input: UpdateActivityInput) => ({
    ...input,
    occurredAt: input.occurredAt ? new Date(input.occurredAt) : undefined,
    timeKnown: timeKnownChange(input),
  }),
});

export const listActivities = activityService.list;
