// The one error type services, plugins and routes throw. Its HTTP status comes from the contracts'
// code → status table (ERROR_STATUS); its words from the message catalogue (error-messages.ts):
// a key and typed parameters, answered as `key`/`params` beside the Chinese `message`.
// plugins/errors.ts only turns it into a response.
import {
  type ErrorMessage,
  type ErrorMessageKey,
  type FieldMessage,
  fieldMessageOfIssue,
  type ParamValue,
  renderErrorMessage,
  zhMessage,
} from '@dutyboard/contracts/error-messages';
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type FieldIssue } from '@dutyboard/contracts/errors';
import type { Thing } from '@dutyboard/contracts/labels';

export class AppError extends Error {
  readonly status: number;
  readonly key: ErrorMessageKey;
  readonly params: Readonly<Record<string, ParamValue>>;

  /**
   * `status` overrides the table only where one code answers with another status on purpose
   * (VALIDATION_FAILED as 414 or 422); everything else leaves it out.
   */
  constructor(
    readonly code: ErrorCode,
    said: ErrorMessage,
    readonly details?: ErrorBody['error']['details'],
    status?: number,
  ) {
    super(zhMessage(said));
    this.name = 'AppError';
    this.key = said.key;
    this.params = said.params ?? {};
    this.status = status ?? ERROR_STATUS[code];
  }
}

export const notFound = (thing: Thing = 'Record') =>
  new AppError('NOT_FOUND', { key: 'record.notFound', params: { thing } });
export const forbidden = (said: ErrorMessage = { key: 'auth.forbidden' }) => new AppError('FORBIDDEN', said);
export const unauthenticated = (said: ErrorMessage = { key: 'auth.signInFirst' }) =>
  new AppError('UNAUTHENTICATED', said);

export function validationError(fields: FieldIssue[], said: ErrorMessage = { key: 'request.invalidFields' }) {
  return new AppError('VALIDATION_FAILED', said, { fields });
}

/** A field issue saying a catalogue message (its Chinese as `message`, its key and params beside). */
export function fieldIssue(field: string, code: string, said: ErrorMessage | FieldMessage): FieldIssue {
  const params = (said.params ?? {}) as Record<string, ParamValue>;
  // A `field.*` message names its field through the reader; the server's sentence leaves it out.
  const message = said.key.startsWith('field.')
    ? renderErrorMessage(said.key, { ...params, field: '' }, 'zh')
    : renderErrorMessage(said.key, params, 'zh');
  return { field, code, message, key: said.key, params: params as NonNullable<FieldIssue['params']> };
}

/** A zod issue as a field issue: zod's own (Chinese) words, plus a key where the catalogue has one. */
export function zodFieldIssue(
  field: string,
  issue: { code: string; message: string; origin?: unknown; maximum?: unknown; minimum?: unknown },
): FieldIssue {
  const said = fieldMessageOfIssue(issue);
  return { field, code: issue.code, message: issue.message, ...(said ? { key: said.key, params: said.params } : {}) };
}

/** A unique constraint refused the write (Prisma P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'P2002';
}
