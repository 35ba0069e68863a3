import fc from 'fast-check';
import { HOSTILE_NUMBERS, hostileString, UNSTORABLE_STRINGS, YAML_ALIAS_BOMB } from './hostile-values';
import type { JsonSchema } from './openapi-operations';

/**
 * Values from the JSON schemas of the OpenAPI document: valid ones (the part of a request that must
 * not be what is refused) and definite violations (the part that must be), each violation with the
 * path of the field it breaks, so the answer can be checked to name it.
 */

export type FieldPath = (string | number)[];

export interface Violation {
  value: unknown;
  /** Where the broken field sits inside the value; empty for the value as a whole. */
  path: FieldPath;
  how: string;
}

const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;

/** Keeps generated requests small: the fuzz wants many requests, not a few huge ones. */
const MAX_ITEMS = 3;

/** One value of each JSON type, used where a field gets a value of a type it does not accept. */
const OF_TYPE: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.oneof(hostileString, fc.constant('12')),
  number: fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS), fc.double({ noNaN: true, noDefaultInfinity: true })),
  boolean: fc.boolean(),
  // JSON.parse makes `__proto__` an own key, as a body parser would.
  object: fc.oneof(fc.constant({}), fc.constant(JSON.parse('{"__proto__":{"admin":true}}') as unknown), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 })),
  array: fc.oneof(fc.constant([]), fc.array(fc.oneof(fc.integer(), hostileString), { minLength: 1, maxLength: 2 })),
  null: fc.constant(null),
};

export function formatPath(path: FieldPath): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

function typesOf(schema: JsonSchema): Set<string> {
  const types = new Set<string>();
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) for (const branch of branches) for (const type of typesOf(branch)) types.add(type);
  if (schema.type) for (const type of [schema.type].flat()) types.add(type);
  if (schema.enum) for (const value of schema.enum) types.add(value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  if (schema.properties || schema.additionalProperties !== undefined) types.add('object');
  if (schema.items) types.add('array');
  if (schema.nullable) types.add('null');
  if (types.has('integer')) types.add('number');
  return types;
}

/** A schema that says nothing about its values (`{}`) accepts anything: nothing to violate. */
function constrains(schema: JsonSchema): boolean {
  return typesOf(schema).size > 0;
}

function lowerBound(schema: JsonSchema): number | undefined {
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum;
  return schema.minimum;
}

function upperBound(schema: JsonSchema): number | undefined {
  if (typeof schema.exclusiveMaximum === 'number') return schema.exclusiveMaximum;
  return schema.maximum;
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 16, 16);
  if (schema.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'uri') return fc.constant('https://example.invalid/fuzz');
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return fc.stringMatching(pattern).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity) && s.trim() === s && s.length > 0);
  }
  // Letters only: valid text for any free-form field, and never a value any fixture uses.
  return fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: Math.max(minLength, 1), maxLength: Math.max(maxLength, minLength, 1) }).map((s) => `fz${s}`.slice(0, schema.maxLength ?? 64));
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low = lowerBound(schema);
  const high = upperBound(schema);
  const min = Math.max(low === undefined ? -1000 : low + (schema.exclusiveMinimum !== undefined && schema.exclusiveMinimum !== false ? 1 : 0), -1_000_000);
  const max = Math.min(high ?? 1000, 1_000_000);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.max(Math.floor(max), Math.ceil(min)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** A value the schema accepts (best effort: refinements the document cannot state are not known). */
export function validValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map(validValue));
  const type = [schema.type].flat()[0] ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case 'string':
      return validString(schema);
    case 'integer':
      return validNumber(schema, true);
    case 'number':
      return validNumber(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS)) });
    case 'object':
      return validObject(schema);
    case 'null':
      return fc.constant(null);
    default:
      return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant({}));
  }
}

function validObject(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, validValue(property)])),
    { requiredKeys: Object.keys(properties).filter((name) => required.has(name)) },
  );
  if (typeof schema.additionalProperties !== 'object' || Object.keys(schema.additionalProperties).length === 0) {
    return record as fc.Arbitrary<Record<string, unknown>>;
  }
  const keys = schema.propertyNames?.pattern ? fc.stringMatching(new RegExp(schema.propertyNames.pattern)) : fc.string({ minLength: 1, maxLength: 8 });
  const extra = fc.dictionary(keys, validValue(schema.additionalProperties), { maxKeys: 2 });
  return fc.tuple(record, extra).map(([fixed, more]) => ({ ...more, ...fixed }));
}

/** Violations of the value itself, not of a field inside it. */
function ownViolations(schema: JsonSchema): fc.Arbitrary<Violation>[] {
  const accepted = typesOf(schema);
  const out: fc.Arbitrary<Violation>[] = [];
  const wrongTypes = JSON_TYPES.filter((type) => !accepted.has(type) && !(type === 'number' && accepted.has('integer')));
  // A zone-less or coerced date takes numbers, booleans and arrays as dates: only objects and words are definite.
  const dateLike = schema.format === 'date-time';
  const usable = dateLike ? wrongTypes.filter((type) => type === 'object') : wrongTypes.filter((type) => type !== 'integer');
  if (usable.length > 0) {
    out.push(fc.constantFrom(...usable).chain((type) => OF_TYPE[type].map((value) => ({ value, path: [], how: `a ${type} where ${[...accepted].join('/')} belongs` }))));
  }
  if (accepted.has('string') && !accepted.has('object')) {
    out.push(fc.constantFrom(...UNSTORABLE_STRINGS).map((value) => ({ value, path: [], how: 'NUL or a lone surrogate' })));
    if (schema.maxLength !== undefined) {
      const over = schema.maxLength + 1;
      // Over a megabyte now and then (the body as a whole must be read and refused), just over the limit mostly.
      const length = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(over, over + 100) }, { weight: 1, arbitrary: fc.constant(1_100_000) });
      out.push(length.map((n) => ({ value: 'x'.repeat(n), path: [], how: `${n} characters, over maxLength ${schema.maxLength}` })));
    }
    if ((schema.minLength ?? 0) > 0) out.push(fc.constant({ value: '', path: [], how: 'empty, under minLength' }));
    if (schema.pattern) {
      const pattern = new RegExp(schema.pattern);
      // Schemas trim before they match (a BOM or a space around a code is forgiven): only what fails trimmed too is a defect.
      out.push(hostileString.filter((s) => !pattern.test(s) && !pattern.test(s.trim())).map((value) => ({ value, path: [], how: `not matching ${schema.pattern}` })));
    }
    if (schema.enum) {
      const allowed = new Set(schema.enum);
      out.push(
        fc.oneof(hostileString, fc.constantFrom(...schema.enum.map((v) => `${String(v).toUpperCase()}\u200b`)))
          .filter((s) => !allowed.has(s))
          .map((value) => ({ value, path: [], how: 'not one of the enum' })),
      );
    }
    if (dateLike) out.push(fc.constantFrom('yesterday', '2026-13-01', '2026-02-30T25:61', 'not a date', '').map((value) => ({ value, path: [], how: 'not a date' })));
  }
  // A field that takes YAML text (a simulation plan) must refuse an alias bomb rather than expand it.
  if (accepted.has('string') && /yaml/i.test(schema.description ?? '')) out.push(fc.constant({ value: YAML_ALIAS_BOMB, path: [], how: 'a YAML alias bomb' }));
  if (accepted.has('number') && !accepted.has('string')) {
    const integer = accepted.has('integer');
    const low = lowerBound(schema);
    const high = upperBound(schema);
    const numbers: number[] = [1e300, -1e300, 2 ** 53 + 2];
    if (integer) numbers.push(0.5, 1.000001);
    if (low !== undefined) numbers.push(schema.exclusiveMinimum === true || typeof schema.exclusiveMinimum === 'number' ? low : low - 1, low - 1e9);
    if (high !== undefined) numbers.push(schema.exclusiveMaximum === true || typeof schema.exclusiveMaximum === 'number' ? high : high + 1, high + 1e9);
    out.push(fc.constantFrom(...numbers.filter((n) => Number.isFinite(n))).map((value) => ({ value, path: [], how: `${value}, outside what the field takes` })));
  }
  if (accepted.has('array') && (schema.minItems ?? 0) > 0) out.push(fc.constant({ value: [], path: [], how: `empty, under minItems ${schema.minItems}` }));
  return out;
}

/** A value that breaks `schema` in exactly one place (the rest is valid), and where. */
export function violation(schema: JsonSchema, depth = 0): fc.Arbitrary<Violation> | undefined {
  if (!constrains(schema)) return undefined;
  const candidates = ownViolations(schema);
  const type = [schema.type].flat()[0];
  if ((type === 'object' || schema.properties) && depth < 4) candidates.push(...objectViolations(schema, depth));
  if ((type === 'array' || schema.items) && schema.items && depth < 4) {
    const inner = violation(schema.items, depth + 1);
    if (inner) {
      const items = schema.items;
      candidates.push(
        fc.tuple(fc.array(validValue(items), { minLength: 0, maxLength: 2 }), inner).map(([before, broken]) => ({
          value: [...before, broken.value],
          path: [before.length, ...broken.path],
          how: broken.how,
        })),
      );
    }
  }
  return candidates.length > 0 ? fc.oneof(...candidates) : undefined;
}

function objectViolations(schema: JsonSchema, depth: number): fc.Arbitrary<Violation>[] {
  const properties = schema.properties ?? {};
  const required = (schema.required ?? []).filter((name) => properties[name]?.default === undefined);
  const out: fc.Arbitrary<Violation>[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const inner = violation(property, depth + 1);
    if (!inner) continue;
    out.push(
      fc.tuple(validObject(schema), inner).map(([base, broken]) => ({ value: { ...base, [name]: broken.value }, path: [name, ...broken.path], how: broken.how })),
    );
  }
  for (const name of required) {
    out.push(validObject(schema).map((base) => ({ value: withoutKey(base, name), path: [name], how: 'required and missing' })));
  }
  if (schema.additionalProperties === false) {
    const known = new Set(Object.keys(properties));
    out.push(
      fc.tuple(validObject(schema), fc.constantFrom('quantiy', 'isAdmin', '$where', 'constructor', 'x'.repeat(200))).filter(([, key]) => !known.has(key)).map(([base, key]) => ({
        value: { ...base, [key]: 1 },
        path: [key],
        how: 'an unknown field on a strict object',
      })),
    );
  }
  return out;
}

function withoutKey(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
