// Building blocks shared by every domain's contract.
import { z } from 'zod';
import { DATE_RANGE_MESSAGE, instantInRange, LocalDateSchema } from './periods.ts';

export const IdSchema = z.uuid();

/**
 * Characters no stored text may hold: PostgreSQL text cannot hold NUL, and XML 1.0 — so DOCX and
 * xlsx — cannot hold the other C0 controls (tab, line feed and carriage return are fine), U+FFFE,
 * U+FFFF or a surrogate without its pair. The API refuses them in every request field
 * (apps/api/src/plugins/validation.ts); the document writers strip them from what is stored.
 */
const ILLEGAL_TEXT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ILLEGAL_TEXT_ALL = new RegExp(ILLEGAL_TEXT.source, 'g');

/** The first character `text` may not hold, as "U+0001", or null when it has none. */
export function illegalCharacterIn(text: string): string | null {
  const found = ILLEGAL_TEXT.exec(text);
  if (!found) return null;
  return `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` without the characters a document cannot carry (for text stored before they were refused). */
export function writableText(text: string): string {
  return ILLEGAL_TEXT.test(text) ? text.replace(ILLEGAL_TEXT_ALL, '') : text;
}

export const IdParamsSchema = z.object({ id: IdSchema });

/**
 * An instant on the wire: ISO 8601 with an offset (the server answers in UTC, "Z"), within the
 * years YEAR_MIN…YEAR_MAX on the Shanghai calendar (periods.ts).
 */
export const InstantSchema = z.iso
  .datetime({ offset: true })
  // A malformed instant already fails the format check: only a well-formed one is range-checked.
  .refine((v) => Number.isNaN(Date.parse(v)) || instantInRange(new Date(v)), DATE_RANGE_MESSAGE);

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

export const PageLimitSchema = z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT);

/** Opaque keyset cursor returned as `nextCursor` and sent back as `cursor`. */
export const CursorSchema = z.string().max(500);

/**
 * One page of a list. `total` is how many rows the whole list holds — the same filters, the same
 * reach — counted once, with the first page (the page asked for without a cursor); the pages
 * after it only continue the list and answer null, so walking a long list (an export) does not
 * count it again at every step.
 */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().nonnegative().nullable(),
  });
}

export const OkSchema = z.object({ ok: z.literal(true) });

/**
 * Optimistic concurrency: every record carries an integer `version` (1 when created, +1 on each
 * change). GET and PATCH answer it as an ETag (`"3"`); a PATCH, DELETE or workflow step that sends
 * it back in `If-Match` is refused with 412 PRECONDITION_FAILED when the stored version differs.
 * Without If-Match the change applies to whatever is stored (last write wins).
 */
export const IfMatchHeadersSchema = z.looseObject({ 'if-match': z.string().max(200).optional() });

export const etagOf = (version: number) => `"${version}"`;

/**
 * The version an If-Match header names ("3" or W/"3"); undefined when there is none or it is "*".
 * A header that names no integer version yields NaN, which matches no record (→ 412).
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (!header || header.trim() === '*') return undefined;
  const raw = header.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  return /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : Number.NaN;
}

/** Header of a POST that may be retried safely: same key and body → the first answer again. */
export const IDEMPOTENCY_KEY_MAX = 200;
export const IdempotencyHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string()
    .min(8)
    .max(IDEMPOTENCY_KEY_MAX)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional(),
});

/** Query fields every record list shares: org subtree, Shanghai calendar days, keyset page. */
export const recordListQueryFields = {
  /** An org; the list covers it and every org below it (default: the caller's home org). */
  org: IdSchema.optional(),
  /** true: the org's own records only, not those of the orgs below it (a duty's drill, ADR 045). */
  own: z.enum(['true']).optional(),
  /** Asia/Shanghai calendar days, both inclusive, on the record's main date. */
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  cursor: CursorSchema.optional(),
  limit: PageLimitSchema,
};

/** Fields every record answer shares. */
/**
 * Whether a record's occurredAt carries a real time of day. False when only the day is known (an
 * imported cell with a date and no time, stored at 0:00 Shanghai): pages show the date alone.
 * Left out of a create it is true; a form that sends a time sends true.
 */
export const TimeKnownSchema = z.boolean();

export const recordFields = {
  id: IdSchema,
  version: z.number().int(),
  orgId: IdSchema,
  orgName: z.string(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
};
