// Building blocks shared by every domain's contract.
import { z } from 'zod';

export const IdSchema = z.uuid();
export const IdParamsSchema = z.object({ id: IdSchema });

/** An instant on the wire: ISO 8601 with an offset (the server answers in UTC, "Z"). */
export const InstantSchema = z.iso.datetime({ offset: true });

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

export const PageLimitSchema = z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT);

/** Opaque keyset cursor returned as `nextCursor` and sent back as `cursor`. */
export const CursorSchema = z.string().max(500);

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });
}

export const OkSchema = z.object({ ok: z.literal(true) });
