import fc from 'fast-check';
import { encodeSegment, jsonBody, queryString } from './fuzz-case';
import { hostileString, survivesUrl } from './hostile-values';
import type { JsonSchema, Operation, Parameter } from './openapi-operations';
import { validValue } from './schema-values';

/** The parts of a request that are not its defect: keys, path values, a body the route takes. */

/** What the fuzz knows of the service it attacks: keys of every kind, and ids that exist. */
export interface FuzzTargets {
  adminKey: string;
  readKey: string;
  revokedKey: string;
  /** Existing values of a path parameter, by the operation path and the parameter name. */
  existing(operationPath: string, parameter: string): string[];
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

export function pathParams(operation: Operation): Parameter[] {
  return operation.params.filter((p) => p.in === 'path');
}

export function typesAccept(schema: JsonSchema, type: string): boolean {
  return [schema.type].flat().includes(type) || (schema.anyOf ?? []).some((branch) => typesAccept(branch, type));
}

export function isConstrained(schema: JsonSchema): boolean {
  return schema.enum !== undefined || schema.pattern !== undefined || schema.type === 'number' || schema.type === 'integer';
}

/** Path values that exist where the fixture made some, otherwise valid-looking ones that do not. */
export function validPathValues(operation: Operation, targets: FuzzTargets): fc.Arbitrary<Record<string, string>> {
  const params = pathParams(operation);
  return fc.record(
    Object.fromEntries(
      params.map((p) => {
        const existing = targets.existing(operation.path, p.name);
        const fresh = validValue(p.schema).map(String);
        return [p.name, existing.length > 0 ? fc.oneof(fc.constantFrom(...existing), fresh) : fresh];
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
}

/** Values no existing entity has, in the path parameter's own format where it has one. */
export function unknownPathValues(operation: Operation, targets: FuzzTargets): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    Object.fromEntries(
      pathParams(operation).map((p) => {
        const existing = new Set(targets.existing(operation.path, p.name));
        const base = isConstrained(p.schema) ? validValue(p.schema).map(String) : fc.oneof(hostileString.filter(survivesUrl), validValue(p.schema).map(String));
        return [p.name, base.filter((value) => !existing.has(value) && value.length > 0 && value !== '.' && value !== '..')];
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
}

export function operationUrl(operation: Operation, values: Record<string, string>, query: [string, string][] = []): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(values[name] ?? '')) + queryString(query);
}

export function jsonSchemaOf(operation: Operation): JsonSchema | undefined {
  return operation.body.find((b) => b.mediaType === 'application/json')?.schema;
}

export function takesIdempotencyKey(operation: Operation): boolean {
  return operation.params.some((p) => p.in === 'header' && p.name === IDEMPOTENCY_HEADER);
}

/** A body the route accepts as to its form (JSON per schema, or text), for cases whose defect is elsewhere. */
export function acceptableBody(operation: Operation): fc.Arbitrary<{ headers: Record<string, string>; body?: Buffer }> {
  const json = jsonSchemaOf(operation);
  if (json) return validValue(json).map((value) => ({ headers: { 'content-type': 'application/json' }, body: jsonBody(value) }));
  const text = operation.body[0];
  if (text) return fc.constant({ headers: { 'content-type': text.mediaType }, body: Buffer.alloc(0) });
  return fc.constant({ headers: {} });
}
