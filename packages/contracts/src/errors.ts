// The one error shape every failing response has: { error: { code, message, key, params, details? } }.
// `message` is the Chinese sentence; `key` and `params` name it in the catalogue (error-messages.ts)
// so a client can say it in another language.
import { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** 412: the If-Match version is not the stored one (someone changed the record meanwhile). */
  'PRECONDITION_FAILED',
  /** 409: a workflow step that is not allowed from the record's current state. */
  'INVALID_TRANSITION',
  /** 409: a request with the same Idempotency-Key is still being processed. */
  'IDEMPOTENCY_IN_PROGRESS',
  /** 422: the Idempotency-Key was already used with a different request body. */
  'IDEMPOTENCY_MISMATCH',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * The HTTP status each code answers with — declared once; `AppError` takes its status from here.
 * Exceptions are explicit at the throw site (see AppError's `status` argument): VALIDATION_FAILED
 * as 414 for an over-long URL and 422 for an export over its row limit.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENCY_MISMATCH: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

/** A message parameter: text, a number, or the code(s) of enum values (error-messages.ts). */
export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));

export const FieldIssueSchema = z.object({
  /** Dotted path of the field, e.g. "title" or "absentees.0.reason". */
  field: z.string(),
  /** zod issue code, e.g. "too_big", "invalid_type". */
  code: z.string(),
  message: z.string(),
  /** The message's key in the catalogue, where it has one (a `field.*` key takes its {field} from the reader). */
  key: z.string().optional(),
  params: ErrorParamsSchema.optional(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    /** The message's key in the catalogue (error-messages.ts); `message` is its Chinese rendering. */
    key: z.string().optional(),
    params: ErrorParamsSchema.optional(),
    details: z
      .object({
        fields: z.array(FieldIssueSchema).optional(),
      })
      .passthrough()
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
