// Validation issues — from a contract schema run in the browser, or from a 400's
// `details.fields` — shown on the fields of an antd form in the user's language. Only the error
// texts change: every value the user typed stays where it is.
import { isErrorMessageKey, renderErrorMessage } from '@dutyboard/contracts/error-messages';
import type { FieldIssue } from '@dutyboard/contracts/errors';
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { isApiError } from './api-client.ts';
import { errorText } from './error-text.ts';
import type { Lang, MessageKey, Translate } from './i18n.ts';

/** What a form field is, so an issue's code can be said in words. */
export interface FieldSpec {
  label: MessageKey;
  /** Picked from a list ("Choose …") rather than typed ("Enter …"). */
  choose?: boolean;
  /** A number: min/max are values, not lengths. */
  number?: boolean;
  min?: number;
  max?: number;
  /** Said when a typed value does not match the field's pattern. */
  format?: MessageKey;
  /** Said in English for a rule across fields (zod refine); Chinese shows the schema's own words. */
  custom?: MessageKey;
  // What the contract says beyond min/max (lib/zod-rules.ts derives specs and rules from it).
  /** Must be given. */
  required?: boolean;
  /** Typed text: blank (whitespace only) counts as missing; control characters are refused. */
  text?: boolean;
  integer?: boolean;
  /** The contract's pattern for typed text (JSON Schema source). */
  pattern?: string;
  /** The value must be one of these. */
  oneOf?: readonly string[];
  /** The contract's own check of a typed value (a link's format). */
  check?: (value: string) => boolean;
}

export type FieldSpecs<F extends string> = Record<F, FieldSpec>;

/** A field's label as it reads inside a sentence ("Enter username", not "Enter Username"). */
export function fieldInSentence(spec: FieldSpec, t: Translate, lang: Lang): string {
  const label = t(spec.label);
  return lang === 'en' ? label.toLowerCase() : label;
}

/**
 * One issue of one field in the user's language: from its catalogue key and parameters when the
 * server sent them (a `field.*` key is said with this field's label), else from its code and the
 * field's spec; unknown codes fall back to the server's words.
 */
export function fieldIssueText(spec: FieldSpec, issue: FieldIssue, t: Translate, lang: Lang): string {
  const field = fieldInSentence(spec, t, lang);
  if (isErrorMessageKey(issue.key)) {
    if (!issue.key.startsWith('field.')) return renderErrorMessage(issue.key, issue.params, lang);
    const key = issue.key === 'field.required' && spec.choose ? 'field.choose' : issue.key;
    return renderErrorMessage(key, { ...issue.params, field }, lang);
  }
  const enter = spec.choose ? 'validation.select' : 'validation.required';
  switch (issue.code) {
    case 'too_small':
      if (spec.number) return t('validation.min', { field, min: spec.min ?? 0 });
      return spec.min && spec.min > 1 ? t('validation.minLength', { field, min: spec.min }) : t(enter, { field });
    case 'too_big':
      if (spec.max === undefined) return t('validation.invalid', { field });
      return t(spec.number ? 'validation.max' : 'validation.maxLength', { field, max: spec.max });
    case 'invalid_type':
    case 'invalid_value':
    case 'required':
      return t(enter, { field });
    case 'invalid_format':
      if (spec.choose) return t(enter, { field });
      return spec.format ? t(spec.format) : t('validation.invalid', { field });
    case 'illegal_character':
      return lang === 'zh' && issue.message ? issue.message : t('validation.illegalCharacter', { field });
    case 'custom':
      if (lang === 'zh' && issue.message) return issue.message;
      return spec.custom ? t(spec.custom) : t('validation.invalid', { field });
    default:
      return lang === 'zh' && issue.message ? issue.message : t('validation.invalid', { field });
  }
}

/** A zod error as the API would report it: one issue per field path. */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.'), code: issue.code, message: issue.message }));
}

/**
 * Puts issues on the fields `specs` knows (first one scrolled into view) and returns, as text,
 * the ones no field shows.
 */
export function showFieldIssues<F extends string>(
  // biome-ignore lint/suspicious/noExplicitAny: only setFields and scrollToField are used, whatever the form's values
  form: FormInstance<any>,
  specs: FieldSpecs<F>,
  issues: FieldIssue[],
  t: Translate,
  lang: Lang,
): string[] {
  const byField = new Map<F, string[]>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const name = issue.field.split('.')[0] ?? '';
    if (!Object.hasOwn(specs, name)) {
      unplaced.push(issue.field ? `${issue.field}: ${issue.message}` : issue.message);
      continue;
    }
    const field = name as F;
    byField.set(field, [...(byField.get(field) ?? []), fieldIssueText(specs[field], issue, t, lang)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
  const first = [...byField.keys()][0];
  if (first) form.scrollToField(first, { block: 'center' });
  return unplaced;
}

/**
 * A failed save: field errors go on the form; the result is the sentence for the form's alert.
 * `conflict` names what a 409 means here, for English (Chinese shows the server's own sentence).
 */
export function saveErrorText<F extends string>(
  // biome-ignore lint/suspicious/noExplicitAny: see showFieldIssues
  form: FormInstance<any>,
  specs: FieldSpecs<F>,
  error: unknown,
  t: Translate,
  lang: Lang,
  conflict?: MessageKey,
): string {
  if (isApiError(error) && error.fields.length > 0) {
    const unplaced = showFieldIssues(form, specs, error.fields, t, lang);
    return [errorText(error, lang, t), ...unplaced].join('；');
  }
  if (isApiError(error) && error.status === 409 && conflict && lang !== 'zh') return t(conflict);
  return errorText(error, lang, t);
}
