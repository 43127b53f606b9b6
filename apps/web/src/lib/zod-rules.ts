// Form rules from the contracts. A contract's zod schema already says, for every field, whether it
// must be given and its limits (lengths, numeric bounds, patterns, choices, URLs); this module reads
// them from the schema's JSON Schema (z.toJSONSchema) and turns them into the field specs the forms
// name issues with (form-issues.ts) and into antd `Form.Item` rules, with messages in the user's
// language. A form declares only what the contract cannot know: its labels, which contract field a
// form field stands for, and its own words for a pattern or a cross-field rule.
import { illegalCharacterIn } from '@dutyboard/contracts/common';
import type { FormRule } from 'antd';
import { z } from 'zod';
import type { FieldSpec, FieldSpecs } from './form-issues.ts';
import { fieldInSentence } from './form-issues.ts';
import type { Lang, MessageKey, Translate } from './i18n.ts';

/** The part of JSON Schema z.toJSONSchema writes for the contracts' fields. */
interface JsonSchema {
  type?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  default?: unknown;
  maxItems?: number;
}

/** What a contract says about one field. */
export interface FieldConstraints {
  /** Must be given: neither optional nor nullable (a field with a default counts: the form shows it). */
  required: boolean;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'unknown';
  /** Picked rather than typed: one of a list, an id, a day or an instant. */
  choice: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
  maxItems?: number;
  /** A link: the contract checks it is a URL. */
  url: boolean;
}

const jsonSchemas = new WeakMap<z.ZodType, { input: JsonSchema; output: JsonSchema }>();

function jsonSchemaOf(schema: z.ZodType) {
  let known = jsonSchemas.get(schema);
  if (!known) {
    // Refinements and transforms have no JSON Schema; they stay the contract's (and the server's).
    const options = { unrepresentable: 'any', cycles: 'ref', reused: 'inline' } as const;
    known = {
      input: z.toJSONSchema(schema, { ...options, io: 'input' }) as JsonSchema,
      output: z.toJSONSchema(schema, { ...options, io: 'output' }) as JsonSchema,
    };
    jsonSchemas.set(schema, known);
  }
  return known;
}

/** The schema without its `null` branch, and whether it had one. */
function withoutNull(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (!schema.anyOf) return { schema, nullable: schema.type === 'null' };
  const rest = schema.anyOf.filter((branch) => branch.type !== 'null');
  const nullable = rest.length < schema.anyOf.length;
  return { schema: rest.length === 1 && rest[0] ? rest[0] : { anyOf: rest }, nullable };
}

/** The field at a dotted path ("rule.min"), with whether its own object requires it. */
function fieldAt(root: JsonSchema, path: string): { schema: JsonSchema; nullable: boolean; listed: boolean } | null {
  let parent = root;
  let found: { schema: JsonSchema; nullable: boolean; listed: boolean } | null = null;
  for (const name of path.split('.')) {
    const object = withoutNull(parent).schema;
    const property = object.properties?.[name];
    if (!property) return null;
    found = { ...withoutNull(property), listed: object.required?.includes(name) ?? false };
    parent = property;
  }
  return found;
}

const CHOICE_FORMATS = new Set(['uuid', 'date', 'date-time', 'time']);

/** What `schema` (a contract's object schema) says about the field at `path`; null: no such field. */
export function fieldConstraints(schema: z.ZodType, path: string): FieldConstraints | null {
  const { input, output } = jsonSchemaOf(schema);
  const field = fieldAt(input, path);
  if (!field) return null;
  const s = field.schema;
  const type = (s.type ?? 'unknown') as FieldConstraints['type'];
  const outputField = fieldAt(output, path);
  return {
    required: (field.listed && !field.nullable) || s.default !== undefined,
    type,
    choice: s.enum !== undefined || type === 'boolean' || CHOICE_FORMATS.has(s.format ?? ''),
    minLength: s.minLength,
    maxLength: s.maxLength,
    pattern: s.format ? undefined : s.pattern,
    minimum: s.minimum,
    maximum: s.maximum,
    enum: s.enum?.filter((v): v is string => typeof v === 'string'),
    maxItems: s.maxItems,
    url: s.format === 'uri' || outputField?.schema.format === 'uri',
  };
}

/** A form field as the form declares it; everything else comes from the contract. */
export interface FormFieldDecl {
  label: MessageKey;
  /** The contract field it stands for (default: its own name); "rule.min" reaches into an object. */
  from?: string;
  /** Picked from a list although the contract holds text (a period code). */
  choose?: boolean;
  /** Required by the form where the contract leaves it to a refinement (or to a default time). */
  required?: boolean;
  /** Said when typed text does not match the contract's pattern or is not a link. */
  format?: MessageKey;
  /** Said in English for a rule across fields (a zod refinement). */
  custom?: MessageKey;
}

/** One field's spec: its words from `decl`, its limits from `schema`. */
export function fieldSpec(schema: z.ZodType, name: string, decl: FormFieldDecl | MessageKey): FieldSpec {
  const d: FormFieldDecl = typeof decl === 'string' ? { label: decl } : decl;
  const c = fieldConstraints(schema, d.from ?? name);
  const number = c?.type === 'number' || c?.type === 'integer';
  const text = c?.type === 'string' && !c.choice && !d.choose;
  const spec: FieldSpec = {
    label: d.label,
    choose: d.choose || (c ? c.choice : true),
    required: d.required ?? c?.required ?? false,
  };
  if (number) Object.assign(spec, { number: true, integer: c.type === 'integer', min: c.minimum, max: c.maximum });
  if (text) Object.assign(spec, { text: true, min: c.minLength, max: c.maxLength, pattern: c.pattern, url: c.url });
  if (c?.enum && !text) spec.oneOf = c.enum;
  // A list's issues are said as counts ("at most 500"); lists get no Form.Item rules of their own.
  if (c?.type === 'array') Object.assign(spec, { number: true, max: c.maxItems });
  if (c?.url) spec.check = fieldCheck(schema, d.from ?? name);
  if (d.format) spec.format = d.format;
  if (d.custom) spec.custom = d.custom;
  return spec;
}

/** The names `N` whose label `${P}.${N}` is in the dictionary. */
export type LabelledUnder<P extends string> = {
  [K in MessageKey]: K extends `${P}.${infer N}` ? N : never;
}[MessageKey];

/**
 * A form's field specs from its contract schema: `decl` names each field (its label, or more).
 * Or: fields labelled `<prefix>.<name>`, listed by name, with `decl` saying more where needed.
 */
export function formFields<F extends string>(
  schema: z.ZodType,
  decl: Record<F, FormFieldDecl | MessageKey>,
): FieldSpecs<F>;
export function formFields<P extends string, F extends LabelledUnder<P>>(
  schema: z.ZodType,
  prefix: P,
  names: readonly F[],
  decl?: Partial<Record<F, Omit<FormFieldDecl, 'label'>>>,
): FieldSpecs<F>;
export function formFields(
  schema: z.ZodType,
  declOrPrefix: Record<string, FormFieldDecl | MessageKey> | string,
  names: readonly string[] = [],
  more: Record<string, Omit<FormFieldDecl, 'label'> | undefined> = {},
): FieldSpecs<string> {
  const decl =
    typeof declOrPrefix === 'string'
      ? Object.fromEntries(
          names.map((name) => [name, { ...more[name], label: `${declOrPrefix}.${name}` as MessageKey }]),
        )
      : declOrPrefix;
  return Object.fromEntries(Object.entries(decl).map(([name, d]) => [name, fieldSpec(schema, name, d)]));
}

/** The contract's own schema of one top-level field, run on a typed value (a link's format). */
function fieldCheck(schema: z.ZodType, path: string): ((value: string) => boolean) | undefined {
  const [name, ...rest] = path.split('.');
  const shape = (schema as z.ZodType & { _zod: { def: { shape?: Record<string, z.ZodType> } } })._zod.def.shape;
  const field = rest.length === 0 && name ? shape?.[name] : undefined;
  return field ? (value) => field.safeParse(value).success : undefined;
}

const blank = (value: unknown) => value === undefined || value === null || value === '';

/** Overrides at the place a field is shown (a refinement that applies only with another field's value). */
export interface RuleOptions {
  required?: boolean;
  /** The message when the field is missing (default: "Enter …" / "Choose …"). */
  requiredMessage?: MessageKey;
}

/** antd rules for one field, from its spec, with messages naming the field in the user's language. */
export function fieldRules(spec: FieldSpec, t: Translate, lang: Lang, options: RuleOptions = {}): FormRule[] {
  const field = fieldInSentence(spec, t, lang);
  const rules: FormRule[] = [];
  if (options.required ?? spec.required) {
    const missing = options.requiredMessage ?? (spec.choose ? 'validation.select' : 'validation.required');
    // `whitespace` only on text: any key beside `required` makes antd check the value is a string.
    const message = t(missing, { field });
    rules.push(spec.text ? { required: true, whitespace: true, message } : { required: true, message });
  }
  if (spec.text) {
    if (spec.min !== undefined && spec.min > 1) {
      rules.push({ min: spec.min, message: t('validation.minLength', { field, min: spec.min }) });
    }
    if (spec.max !== undefined)
      rules.push({ max: spec.max, message: t('validation.maxLength', { field, max: spec.max }) });
    const format = spec.format ? t(spec.format) : t('validation.invalid', { field });
    if (spec.pattern) rules.push({ pattern: new RegExp(spec.pattern), message: format });
    const check = spec.check;
    if (check) {
      rules.push({
        validator: (_, value: unknown) =>
          typeof value !== 'string' || value.trim() === '' || check(value.trim())
            ? Promise.resolve()
            : Promise.reject(new Error(format)),
      });
    }
    rules.push({
      validator: (_, value: unknown) =>
        typeof value === 'string' && illegalCharacterIn(value)
          ? Promise.reject(new Error(t('validation.illegalCharacter', { field })))
          : Promise.resolve(),
    });
  }
  if (spec.number) {
    if (spec.integer) rules.push({ type: 'integer', message: t('validation.integer', { field }) });
    if (spec.min !== undefined) {
      rules.push({ type: 'number', min: spec.min, message: t('validation.min', { field, min: spec.min }) });
    }
    if (spec.max !== undefined) {
      rules.push({ type: 'number', max: spec.max, message: t('validation.max', { field, max: spec.max }) });
    }
  }
  const oneOf = spec.oneOf;
  if (oneOf) {
    rules.push({
      validator: (_, value: unknown) =>
        blank(value) || oneOf.includes(value as string)
          ? Promise.resolve()
          : Promise.reject(new Error(t('validation.select', { field }))),
    });
  }
  return rules;
}
