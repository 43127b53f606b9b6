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

/**
 * Optimistic concurrency: a record's version is its `updatedAt`; GET and PATCH answer it as an
 * ETag (`"2026-03-15T01:00:00.000Z"`), and a PATCH or DELETE that sends it back in `If-Match`
 * is refused with 409 CONFLICT when someone changed the record in between. Other headers pass.
 */
export const IfMatchHeadersSchema = z.looseObject({ 'if-match': z.string().max(200).optional() });

export const etagOf = (updatedAt: string) => `"${updatedAt}"`;

/** The version an If-Match header names ("…" or W/"…"), or undefined when there is none. */
export function versionFromIfMatch(header: string | undefined): string | undefined {
  if (!header || header.trim() === '*') return undefined;
  return header.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
}
