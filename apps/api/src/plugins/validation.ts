// The one validator every route's params, query, headers and body go through: first a walk over
// every string (keys included) for characters no stored text may hold (contracts/common.ts), then
// the route's zod schema (fastify-type-provider-zod). One place, so a new route or field cannot
// forget it, and a NUL byte meets a field error instead of PostgreSQL (which answered 500).
import { illegalCharacterIn } from '@dutyboard/contracts/common';
import type { FieldIssue } from '@dutyboard/contracts/errors';
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { fieldIssue, validationError } from '../errors/app-error.ts';

/** Deeper than any contract nests; a body nested further is refused by its schema anyway. */
const MAX_DEPTH = 32;
/** One field error per bad field, and at most this many: enough to point at the fix. */
const MAX_ISSUES = 20;

/** Field issues for every string in `value` that holds an illegal character, named by path. */
export function illegalTextIssues(value: unknown, where: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const visit = (node: unknown, path: string[], depth: number) => {
    if (issues.length >= MAX_ISSUES || depth > MAX_DEPTH) return;
    if (typeof node === 'string') {
      const character = illegalCharacterIn(node);
      if (character) {
        issues.push(
          fieldIssue(path.join('.') || where, 'illegal_character', {
            key: 'field.illegalCharacter',
            params: { character },
          }),
        );
      }
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, [...path, String(index)], depth + 1);
      });
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      const character = illegalCharacterIn(key);
      if (character) {
        issues.push(
          fieldIssue([...path, '?'].join('.'), 'illegal_character', {
            key: 'field.illegalCharacter',
            params: { character },
          }),
        );
        continue;
      }
      visit(item, [...path, key], depth + 1);
    }
  };
  visit(value, [], 0);
  return issues;
}

/** fastify-type-provider-zod's validator, behind the illegal-character walk. */
export const textSafeValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = validatorCompiler(route);
  return (data: unknown) => {
    const issues = illegalTextIssues(data, route.httpPart ?? 'body');
    if (issues.length > 0) return { error: validationError(issues) };
    return validate(data);
  };
};
