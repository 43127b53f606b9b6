// The first issue of the contract's schema, as the form shows it: the field's path and the
// schema's (Chinese) message, the same words the server would answer.
import type { z } from 'zod';

export function schemaProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim();
}
