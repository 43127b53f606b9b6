// Publicity items (宣传报道): the standard services of the kind (records/service.ts) with its own
// answer, filters and stored fields.
import type {
  CreatePublicityInput,
  ListPublicityQuerySchema,
  PublicityItem,
  UpdatePublicityInput,
} from '@dutyboard/contracts/publicity';
import type { Prisma } from '@dutyboard/db/client';
import type { z } from 'zod';
import { RECORD_KINDS, type RowOf } from '../records/registry.ts';
import { recordService } from '../records/service.ts';

type PublicityRow = RowOf<'PublicityItem'>;

export function toPublicityItem(row: PublicityRow): PublicityItem {
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.org.name,
    outlet: row.outlet,
    level: row.level,
    title: row.title,
    url: row.url,
    publishedAt: row.publishedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const publicityService = recordService({
  kind: RECORD_KINDS.PublicityItem,
  answer: toPublicityItem,
  list: {
    sorts: { publishedAt: 'date', createdAt: 'date' },
    days: 'publishedAt',
    where: (params: z.output<typeof ListPublicityQuerySchema>): Prisma.PublicityItemWhereInput =>
      params.level ? { level: params.level } : {},
  },
  created: (input: CreatePublicityInput) => ({
    orgId: input.orgId,
    outlet: input.outlet,
    level: input.level,
    title: input.title,
    url: input.url ?? null,
    publishedAt: new Date(input.publishedAt),
  }),
  changed: (input: UpdatePublicityInput) => ({
    ...input,
    publishedAt: input.publishedAt ? new Date(input.publishedAt) : undefined,
  }),
});

export const listPublicity = publicityService.list;
