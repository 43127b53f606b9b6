// fast-check arbitraries derived from the zod 4 contracts, for the API fuzzer: values a schema
// accepts, values at its edges (max lengths, min/max numbers, edge dates) and values it must
// refuse (wrong types, hostile unicode, 1 MB strings, extra/missing fields, prototype keys).
// Reads zod's own description of a schema (`schema._zod.def`, `def.type`, `def.checks`), so a
// contract change changes what is fuzzed without touching this file.
import { CursorSchema } from '@dutyboard/contracts/common';
import fc from 'fast-check';
import type { z } from 'zod';

export type Schema = z.core.$ZodType;
export type Mode = 'valid' | 'boundary' | 'invalid';

/** The parts of zod 4 defs this walker reads (each def type uses some of them). */
interface Def {
  type: string;
  checks?: Schema[];
  coerce?: boolean;
  format?: string;
  pattern?: RegExp;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: Schema;
  valueType?: Schema;
  in?: Schema;
  out?: Schema;
  items?: Schema[];
  left?: Schema;
  getter?: () => Schema;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number | bigint | Date;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (s: Schema) => s._zod.def as unknown as Def;
const checksOf = (s: Schema) => (defOf(s).checks ?? []).map((c) => c._zod.def as unknown as CheckDef);
/** Optional in an object: `.optional()`, `.default()`, `.prefault()` (zod marks them `optin`). */
export const isOptionalField = (s: Schema) => s._zod.optin === 'optional';

// ---------------------------------------------------------------------------------------------
// Hostile values, shared by every kind.

/** 1 MB and a bit: above the JSON body limit; built once (fast-check would take long to shrink). */
export const HUGE = 'A'.repeat(1024 * 1024 + 7);
const HUGE_UNICODE = '😀'.repeat(300_000);

/** Strings that break naive code: encodings, controls, bidi, surrogates, injection text. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\r\n',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDFFF',
  '👨‍👩‍👧‍👦',
  '🇨🇳🏳️‍🌈',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'שלום',
  'Z̴̡̛͓̗a̷̢̛͎l̵̨̛g̷o̴',
  '\uFEFF',
  '\u200B\u200D',
  '\'; DROP TABLE "Activity"; --',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the attack (log4shell)
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9'.repeat(400),
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '2026-02-30',
  '0000-01-01',
  '9999-12-31T23:59:59.999+14:00',
  '2026-13-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-200000-01-01T00:00:00.000Z',
  '\u0001',
  '\u001F',
  '\uFFFE',
  '\uFFFF',
  'x\u000By',
];

/**
 * Characters no stored text may hold (contracts/common.ts), put into text that is otherwise
 * valid for its field, so they get past length rules and must be refused by the API itself.
 */
export const ILLEGAL_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDC00',
];

const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(HUGE, HUGE_UNICODE) },
);

const hostileNumber = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  0.5,
  1e21,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  Number.MAX_VALUE,
  Number.MIN_VALUE,
);

/** Prototype-pollution keys: JSON.parse makes them own properties, as a hostile client would. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
const protoObject = fc
  .constantFrom(
    '{"__proto__":{"admin":true,"role":"ADMIN"}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '{"__proto__":null}',
    '{"prototype":[]}',
  )
  .map((text) => JSON.parse(text) as unknown);

/** Any JSON-ish junk, nested a few levels, with prototype keys now and then. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, 1, [], {}) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5, withNullPrototype: false }) },
  { weight: 1, arbitrary: protoObject },
);

// ---------------------------------------------------------------------------------------------
// Strings.

interface StringRules {
  min: number;
  max: number;
  format?: string;
  patterns: RegExp[];
  trims: boolean;
}

function stringRules(s: Schema): StringRules {
  const def = defOf(s);
  const rules: StringRules = { min: 0, max: Number.POSITIVE_INFINITY, patterns: [], trims: false };
  // z.uuid(), z.iso.date() … are string schemas whose own def names the format.
  if (def.format) rules.format = def.format;
  if (def.pattern && def.format !== 'regex') rules.patterns.push(def.pattern);
  for (const c of checksOf(s)) {
    if (c.check === 'min_length' && c.minimum !== undefined) rules.min = Math.max(rules.min, c.minimum);
    if (c.check === 'max_length' && c.maximum !== undefined) rules.max = Math.min(rules.max, c.maximum);
    if (c.check === 'length_equals' && c.length !== undefined) rules.min = rules.max = c.length;
    if (c.check === 'string_format') {
      if (c.format && c.format !== 'regex') rules.format ??= c.format;
      if (c.pattern) rules.patterns.push(c.pattern);
    }
    // .trim() is an "overwrite" check: the length rules apply to the trimmed text.
    if (c.check === 'overwrite') rules.trims = true;
  }
  return rules;
}

const isoInstant = (d: Date) => d.toISOString();
const shanghai = (d: Date) => `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
const dates = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T00:00:00Z'),
  noInvalidDate: true,
});

function validString(s: Schema, options: ArbOptions): fc.Arbitrary<string> {
  const r = stringRules(s);
  switch (r.format) {
    case 'uuid':
    case 'guid':
      return options.uuid
        ? fc.oneof({ weight: 4, arbitrary: options.uuid }, fc.uuid({ version: 4 }))
        : fc.uuid({ version: 4 });
    case 'datetime':
      return dates.chain((d) => fc.constantFrom(isoInstant(d), shanghai(d)));
    case 'date':
      return dates.map((d) => isoInstant(d).slice(0, 10));
    case 'time':
      return fc.constantFrom('00:00', '09:30:00', '23:59:59');
    case 'email':
      return fc.constantFrom('a@example.com', 'zhang.san@example.cn');
  }
  const pattern = r.patterns[0];
  if (pattern) {
    return fc
      .stringMatching(pattern)
      .filter((v) => v.length >= r.min && v.length <= r.max && r.patterns.every((p) => p.test(v)));
  }
  const max = Math.min(r.max, Math.max(r.min, 0) + 40);
  const body = fc.string({ unit: fc.constantFrom(...'党支部学习abc XYZ0129-_'), minLength: r.min, maxLength: max });
  return r.trims ? body.map((v) => v.trim()).filter((v) => v.length >= r.min) : body;
}

function boundaryString(s: Schema): fc.Arbitrary<string> {
  const r = stringRules(s);
  const edges: string[] = ['', ' '.repeat(Math.min(Number.isFinite(r.max) ? r.max : 10, 5000))];
  if (Number.isFinite(r.max)) {
    edges.push('字'.repeat(r.max), 'x'.repeat(r.max + 1), '😀'.repeat(Math.floor(r.max / 2)), '😀'.repeat(r.max));
    edges.push(` ${'a'.repeat(r.max)} `);
  } else {
    edges.push('x'.repeat(10_000));
  }
  if (r.min > 0) edges.push('a'.repeat(r.min), 'a'.repeat(r.min - 1));
  if (!r.format && r.patterns.length === 0 && r.max >= 3) {
    for (const ch of ILLEGAL_CHARACTERS) edges.push(`学${ch}习`);
  }
  switch (r.format) {
    case 'uuid':
    case 'guid':
      edges.push('00000000-0000-0000-0000-000000000000', crypto.randomUUID().toUpperCase(), 'not-a-uuid');
      break;
    case 'datetime':
      edges.push(
        '1970-01-01T00:00:00Z',
        '0001-01-01T00:00:00Z',
        '9999-12-31T23:59:59.999Z',
        '2026-02-29T00:00:00Z',
        '2024-02-29T23:59:59+08:00',
        '2026-06-30T16:00:00.000Z',
        '2026-01-01T00:00:00',
        '2026-01-01T00:00:00+14:00',
        '2026-01-01T00:00:00-12:00',
        '0000-01-01T00:00:00Z',
        '1899-12-31T23:59:59Z',
        '1999-12-31T15:59:59.999Z',
        '2000-01-01T00:00:00+08:00',
        '2100-12-31T23:59:59+08:00',
        '2101-01-01T00:00:00.001+08:00',
      );
      break;
    case 'date':
      edges.push(
        '0001-01-01',
        '0000-01-01',
        '1899-12-31',
        '1970-01-01',
        '1999-12-31',
        '2000-01-01',
        '2100-12-31',
        '2101-01-01',
        '9999-12-31',
        '2024-02-29',
        '2026-02-29',
        '2026-12-31',
        '2026-1-1',
      );
      break;
  }
  return fc.constantFrom(...edges);
}

// ---------------------------------------------------------------------------------------------
// Cursors.

const sorts = fc.constantFrom('-occurredAt', 'occurredAt', '-createdAt', 'participants', '-deadlineAt', 'assignments');
const cursorValue = fc.oneof(
  dates.map(isoInstant),
  fc.constantFrom(
    '-200000-01-01T00:00:00.000Z',
    '+275760-09-13T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    '1899-12-31T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    'not a date',
    '',
  ),
  fc.constantFrom(0, 1, -1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5, Number.MAX_VALUE),
  fc.constantFrom(null, true, [], {}, ...ILLEGAL_CHARACTERS),
);
const cursorId = fc.oneof(
  { weight: 3, arbitrary: fc.uuid({ version: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(36), '\u0000', '', '00000000-0000-0000-0000-00000000000g') },
);

/**
 * Keyset cursors as a client could forge them: the base64url JSON the lists hand out, carrying
 * far dates, integers past PostgreSQL's, junk ids and control characters; and plain junk.
 */
const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(sorts, cursorValue, cursorId).map((parts) => toCursor(parts)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(sorts, fc.constantFrom('PRIMARY', 'TASK'), cursorValue, cursorId)
      .map((parts) => toCursor(parts)),
  },
  { weight: 1, arbitrary: fc.tuple(sorts, fc.constant(null), cursorId).map((parts) => toCursor(parts)) },
  { weight: 1, arbitrary: hostileString },
);

function toCursor(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

// ---------------------------------------------------------------------------------------------
// Numbers.

interface NumberRules {
  min: number;
  max: number;
  int: boolean;
}

function numberRules(s: Schema): NumberRules {
  const rules: NumberRules = { min: -1e9, max: 1e9, int: false };
  for (const c of checksOf(s)) {
    const v = typeof c.value === 'number' ? c.value : undefined;
    if (c.check === 'greater_than' && v !== undefined) rules.min = c.inclusive ? v : v + 1e-6;
    if (c.check === 'less_than' && v !== undefined) rules.max = c.inclusive ? v : v - 1e-6;
    if (c.check === 'number_format' && c.format?.includes('int')) rules.int = true;
  }
  if (rules.int) {
    rules.min = Math.ceil(rules.min);
    rules.max = Math.floor(rules.max);
  }
  return rules;
}

function validNumber(s: Schema): fc.Arbitrary<number> {
  const r = numberRules(s);
  return r.int
    ? fc.integer({ min: Math.max(r.min, -(2 ** 31)), max: Math.min(r.max, 2 ** 31 - 1) })
    : fc.double({ min: r.min, max: r.max, noNaN: true, noDefaultInfinity: true });
}

function boundaryNumber(s: Schema): fc.Arbitrary<number> {
  const r = numberRules(s);
  return fc.constantFrom(r.min, r.max, r.min - 1, r.max + 1, r.min + 0.5, 0, -0, 2 ** 31, -(2 ** 31) - 1);
}

// ---------------------------------------------------------------------------------------------
// The walker.

export interface ArbOptions {
  /** Recursion budget for lazy/nested schemas. */
  depth?: number;
  /** Where valid uuids come from besides random ones (the fuzzer: ids that exist). */
  uuid?: fc.Arbitrary<string>;
}

/**
 * Values for `schema` in the given mode: `valid` (what the contract accepts, as sent on the
 * wire: JSON values, dates as ISO strings), `boundary` (its edges, either side), `invalid`
 * (values it must refuse, and structural junk). Refinements are treated as their inner type,
 * so `valid` is "valid apart from cross-field rules".
 */
export function arbitraryFor(schema: Schema, mode: Mode, options: ArbOptions = {}): fc.Arbitrary<unknown> {
  const depth = options.depth ?? 4;
  if (depth <= 0) return mode === 'invalid' ? junk : fc.constant(null);
  const next = { ...options, depth: depth - 1 };
  const def = defOf(schema);
  const inner = (s: Schema | undefined, m: Mode = mode) => (s ? arbitraryFor(s, m, next) : junk);

  if (mode === 'invalid') {
    const own = invalidOwn(schema, def, next);
    return own ? fc.oneof({ weight: 3, arbitrary: own }, { weight: 1, arbitrary: junk }) : junk;
  }

  if (schema === CursorSchema) return forgedCursor;

  switch (def.type) {
    case 'string':
      return mode === 'valid'
        ? validString(schema, options)
        : fc.oneof(
            { weight: 3, arbitrary: boundaryString(schema) },
            { weight: 1, arbitrary: validString(schema, options) },
          );
    case 'number':
    case 'int': {
      const n = mode === 'valid' ? validNumber(schema) : boundaryNumber(schema);
      // z.coerce.number() (query strings): sometimes the text a browser sends.
      return def.coerce ? fc.oneof(n, n.map(String)) : n;
    }
    case 'boolean':
      return def.coerce ? fc.constantFrom(true, false, 'true', 'false') : fc.boolean();
    case 'bigint':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String);
    case 'date':
      return mode === 'valid' ? dates.map(isoInstant) : boundaryString(schema);
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return values.length ? fc.constantFrom(...values) : junk;
    }
    case 'literal':
      return def.values?.length ? fc.constantFrom(...def.values) : junk;
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'any':
    case 'unknown':
      return mode === 'valid' ? fc.jsonValue({ maxDepth: 2 }) : junk;
    case 'optional':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: inner(def.innerType) });
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: inner(def.innerType) });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
    case 'success':
      return inner(def.innerType);
    case 'lazy':
      return def.getter ? arbitraryFor(def.getter(), mode, next) : junk;
    case 'pipe':
      // The input side is what a client sends (transforms and codecs run after it).
      return inner(def.in);
    case 'transform':
    case 'custom':
      return junk;
    case 'array': {
      const lengths = checksOf(schema);
      const min = lengths.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = lengths.find((c) => c.check === 'max_length')?.maximum ?? min + 5;
      const el = inner(def.element);
      if (mode === 'boundary') {
        return fc.oneof(
          fc.array(el, { minLength: min, maxLength: min }),
          fc.array(el, { minLength: Math.min(max, 200), maxLength: Math.min(max, 200) }),
          fc.array(el, { minLength: Math.min(max + 1, 201), maxLength: Math.min(max + 1, 201) }),
        );
      }
      return fc.array(el, { minLength: min, maxLength: Math.min(max, min + 5) });
    }
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((s) => inner(s)));
    case 'object':
      return objectArbitrary(def, mode, next);
    case 'record':
      return fc.dictionary(
        (def.keyType ? arbitraryFor(def.keyType, 'valid', next) : fc.string()).map(String),
        inner(def.valueType),
        { maxKeys: 4 },
      );
    case 'union':
      return (def.options ?? []).length ? fc.oneof(...(def.options ?? []).map((s) => inner(s))) : junk;
    case 'intersection':
      return inner(def.left);
    case 'never':
      return junk;
    default:
      throw new Error(`fuzz arbitraries: zod kind "${def.type}" is not supported yet; add it to arbitraryFor`);
  }
}

function objectArbitrary(def: Def, mode: Mode, next: ArbOptions): fc.Arbitrary<unknown> {
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of keys) model[key] = arbitraryFor(shape[key] as Schema, mode, next);
  const requiredKeys = keys.filter((k) => !isOptionalField(shape[k] as Schema));
  // fc.record drops optional keys now and then; a generated `undefined` is dropped by JSON.
  return fc.record(model, { requiredKeys });
}

/** The refusals specific to one kind (undefined: only generic junk applies). */
function invalidOwn(schema: Schema, def: Def, next: ArbOptions): fc.Arbitrary<unknown> | undefined {
  const wrongType = fc.constantFrom<unknown>(null, true, 12, '12', [], {}, [1, 2], { a: 1 });
  switch (def.type) {
    case 'string':
      return fc.oneof(boundaryString(schema), hostileString, hostileNumber, wrongType);
    case 'number':
    case 'int':
      return fc.oneof(
        hostileNumber,
        boundaryNumber(schema),
        // numbers as strings (JSON) and words as numbers (query)
        validNumber(schema).map(String),
        fc.constantFrom('NaN', 'Infinity', '-0', '0x10', '1e3', ' 1', '١٢', ''),
        wrongType,
      );
    case 'enum': {
      const values = Object.values(def.entries ?? {}).map(String);
      return fc.oneof(
        fc.constantFrom(...values).map((v) => v.toLowerCase()),
        fc.constantFrom(...values).map((v) => `${v} `),
        hostileString,
        wrongType,
      );
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? arbitraryFor(def.innerType, 'invalid', next) : undefined;
    case 'pipe':
      return def.in ? arbitraryFor(def.in, 'invalid', next) : undefined;
    case 'lazy':
      return def.getter ? arbitraryFor(def.getter(), 'invalid', next) : undefined;
    case 'array':
      return fc.oneof(
        def.element ? fc.array(arbitraryFor(def.element, 'invalid', next), { minLength: 1, maxLength: 3 }) : junk,
        fc.constant(Array.from({ length: 10_001 }, (_, i) => i)),
        wrongType,
      );
    case 'object':
      return invalidObject(schema, def, next);
    case 'union':
      return def.options?.[0] ? arbitraryFor(def.options[0], 'invalid', next) : undefined;
    default:
      return undefined;
  }
}

/** A valid object broken in one way: a bad field, a missing one, an extra one, a prototype key. */
function invalidObject(schema: Schema, def: Def, next: ArbOptions): fc.Arbitrary<unknown> {
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const valid = arbitraryFor(schema, 'valid', next) as fc.Arbitrary<Record<string, unknown>>;
  const variants: fc.Arbitrary<unknown>[] = [
    // an extra field (refused by strict objects; stripped by the others)
    fc
      .tuple(valid, fc.constantFrom('extra', 'isAdmin', 'id', 'version', 'orgId ', '', '💥'), junk)
      .map(([v, k, x]) => ({ ...v, [k]: x })),
    // a prototype key as an own property, the way JSON.parse delivers it
    fc.tuple(valid, fc.constantFrom(...PROTO_KEYS)).map(([v, k]) => {
      const copy = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
      Object.defineProperty(copy, k, {
        value: { polluted: true },
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return copy;
    }),
    fc.array(valid, { maxLength: 2 }),
  ];
  if (keys.length) {
    const key = fc.constantFrom(...keys);
    // one field replaced by a value its own schema refuses
    variants.push(
      fc
        .tuple(valid, key)
        .chain(([v, k]) => arbitraryFor(shape[k] as Schema, 'invalid', next).map((bad) => ({ ...v, [k]: bad }))),
    );
    // one field missing (a required one, when there is one)
    const required = keys.filter((k) => !isOptionalField(shape[k] as Schema));
    if (required.length) {
      variants.push(
        fc.tuple(valid, fc.constantFrom(...required)).map(([v, k]) => {
          const copy = { ...v };
          delete copy[k];
          return copy;
        }),
      );
    }
    // nested junk in every field at once
    variants.push(
      fc.tuple(...keys.map(() => junk)).map((vals) => Object.fromEntries(keys.map((k, i) => [k, vals[i]]))),
    );
  }
  return fc.oneof(...variants);
}

/** Valid, boundary and invalid values mixed (the fuzzer's default). */
export function fuzzValues(
  schema: Schema,
  options: ArbOptions = {},
  weights: Record<Mode, number> = { valid: 4, boundary: 2, invalid: 4 },
) {
  return fc.oneof(
    { weight: weights.valid, arbitrary: arbitraryFor(schema, 'valid', options) },
    { weight: weights.boundary, arbitrary: arbitraryFor(schema, 'boundary', options) },
    { weight: weights.invalid, arbitrary: arbitraryFor(schema, 'invalid', options) },
  );
}
