// The one error type services, plugins and routes throw. Its HTTP status comes from the contracts'
// code → status table (ERROR_STATUS); plugins/errors.ts only turns it into a response.
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type FieldIssue } from '@dutyboard/contracts/errors';

export class AppError extends Error {
  readonly status: number;

  /**
   * `status` overrides the table only where one code answers with another status on purpose
   * (VALIDATION_FAILED as 414 or 422); everything else leaves it out.
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorBody['error']['details'],
    status?: number,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = status ?? ERROR_STATUS[code];
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (message = '没有执行此操作的权限') => new AppError('FORBIDDEN', message);
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message);

export function validationError(fields: FieldIssue[], message = '提交的内容有误，请按提示修改') {
  return new AppError('VALIDATION_FAILED', message, { fields });
}

/** A unique constraint refused the write (Prisma P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'P2002';
}
