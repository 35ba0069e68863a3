import fc from 'fast-check';
import { encodeSegment, type FuzzCase, jsonBody, queryString } from './fuzz-case';
import { HOSTILE_NUMBER_TEXTS, hostileString, INJECTION_STRINGS, ODD_UNICODE_STRINGS, survivesUrl, UNSTORABLE_IN_URLS } from './hostile-values';
import type { JsonSchema, Operation, Parameter } from './openapi-operations';
import { formatPath, validValue, violation } from './schema-values';
import { csvColumnsFor, csvDefects, type TextDefect, yamlDefects } from './text-body-defects';

/** What the fuzz knows of the service it attacks: keys of every kind, and ids that exist. */
export interface FuzzTargets {
  adminKey: string;
  readKey: string;
  revokedKey: string;
  /** Existing values of a path parameter, by the operation path and the parameter name. */
  existing(operationPath: string, parameter: string): string[];
}

const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const FIVE_AND_A_HALF_MB = 5.5 * 1024 * 1024;

function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

function pathParams(operation: Operation): Parameter[] {
  return operation.params.filter((p) => p.in === 'path');
}

function typesAccept(schema: JsonSchema, type: string): boolean {
  return [schema.type].flat().includes(type) || (schema.anyOf ?? []).some((branch) => typesAccept(branch, type));
}

function isConstrained(schema: JsonSchema): boolean {
  return schema.enum !== undefined || schema.pattern !== undefined || schema.type === 'number' || schema.type === 'integer';
}

/** Path values that exist where the fixture made some, otherwise valid-looking ones that do not. */
function validPathValues(operation: Operation, targets: FuzzTargets): fc.Arbitrary<Record<string, string>> {
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
function unknownPathValues(operation: Operation, targets: FuzzTargets): fc.Arbitrary<Record<string, string>> {
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

function url(operation: Operation, values: Record<string, string>, query: [string, string][] = []): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(values[name] ?? '')) + queryString(query);
}

function jsonSchemaOf(operation: Operation): JsonSchema | undefined {
  return operation.body.find((b) => b.mediaType === 'application/json')?.schema;
}

function takesIdempotencyKey(operation: Operation): boolean {
  return operation.params.some((p) => p.in === 'header' && p.name === IDEMPOTENCY_HEADER);
}

/** A body the route accepts as to its form (JSON per schema, or text), for cases whose defect is elsewhere. */
function acceptableBody(operation: Operation): fc.Arbitrary<{ headers: Record<string, string>; body?: Buffer }> {
  const json = jsonSchemaOf(operation);
  if (json) return validValue(json).map((value) => ({ headers: { 'content-type': 'application/json' }, body: jsonBody(value) }));
  const text = operation.body[0];
  if (text) return fc.constant({ headers: { 'content-type': text.mediaType }, body: Buffer.alloc(0) });
  return fc.constant({ headers: {} });
}

function authDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> {
  const credentials: fc.Arbitrary<{ headers: Record<string, string>; how: string }>[] = [
    fc.constant({ headers: {}, how: 'no Authorization header' }),
    fc.constantFrom('Bearer', 'Bearer ', 'Basic dXJpa2lyaTpodW50ZXIy', 'Token uk_x', 'uk_', `${targets.adminKey}`, `Bearer ${targets.adminKey}x`, `Bearer ${targets.adminKey.slice(0, -1)}`, `Bearer ${targets.adminKey} ${targets.adminKey}`).map((value) => ({
      headers: { authorization: value },
      how: `Authorization: ${value.slice(0, 24)}…`,
    })),
    fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 80 }).filter((s) => /^[\t\x20-\x7e]+$/.test(s)).map((token) => ({
      headers: { authorization: `Bearer ${token}` },
      how: 'a random bearer token',
    })),
    fc.constantFrom(...INJECTION_STRINGS).map((token) => ({ headers: { authorization: `Bearer ${token}` }, how: `bearer token ${token}` })),
    fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 43, maxLength: 43 }).map((rest) => ({
      headers: bearer(`uk_${rest}`),
      how: 'a well-formed key nobody issued',
    })),
    fc.constant({ headers: bearer(targets.revokedKey), how: 'a revoked key' }),
  ];
  // Every change needs write or admin: a read key may not make one.
  if (operation.method !== 'GET') credentials.push(fc.constant({ headers: bearer(targets.readKey), how: 'a read-only key on a change' }));
  return fc.tuple(fc.oneof(...credentials), validPathValues(operation, targets), acceptableBody(operation)).map(([credential, values, body]) => ({
    operation: operation.id,
    defect: 'auth',
    how: credential.how,
    method: operation.method,
    url: url(operation, values),
    headers: { ...body.headers, ...credential.headers },
    body: body.body,
  }));
}

/** Path values of the wrong form (400 naming the parameter) or naming nothing that exists (404). */
function pathDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> | undefined {
  const params = pathParams(operation);
  if (params.length === 0) return undefined;
  const arbitraries = params.map((param) => {
    const wrongForm: fc.Arbitrary<{ value: string; how: string }>[] = [fc.constantFrom(...UNSTORABLE_IN_URLS).map((value) => ({ value, how: 'NUL' }))];
    if (param.schema.type === 'number' || param.schema.type === 'integer') {
      wrongForm.push(fc.constantFrom(...HOSTILE_NUMBER_TEXTS.filter((t) => t !== '' && !/^\s*\+?\d{1,9}\s*$/.test(t))).map((value) => ({ value, how: `${value} as a number` })));
    }
    const bad = violation(param.schema);
    if (bad && isConstrained(param.schema)) {
      wrongForm.push(bad.filter((v) => typeof v.value === 'string' && v.value.length > 0 && v.value.length < 4000 && survivesUrl(v.value)).map((v) => ({ value: String(v.value), how: v.how })));
    }
    // An enum's every value exists (a CSV kind): only its wrong forms are defects.
    const missing = fc.tuple(unknownPathValues(operation, targets), acceptableBody(operation)).map(([values, body]) => ({
      operation: operation.id,
      defect: 'path-unknown',
      how: `${param.name} names nothing: ${values[param.name].slice(0, 40)}`,
      method: operation.method,
      url: url(operation, values),
      headers: { ...bearer(targets.adminKey), ...body.headers },
      body: body.body,
    }));
    const malformed = fc.tuple(fc.oneof(...wrongForm), validPathValues(operation, targets), acceptableBody(operation)).map(([broken, values, body]) => ({
      operation: operation.id,
      defect: 'path-form',
      how: `${param.name}: ${broken.how}`,
      method: operation.method,
      url: url(operation, { ...values, [param.name]: broken.value }),
      headers: { ...bearer(targets.adminKey), ...body.headers },
      body: body.body,
      field: param.name,
    }));
    return param.schema.enum ? malformed : fc.oneof(missing, malformed);
  });
  return fc.oneof(...arbitraries);
}

/** Query parameters out of their schema, one at a time. */
function queryDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> | undefined {
  const params = operation.params.filter((p) => p.in === 'query');
  const arbitraries = params.flatMap((param) => {
    const values: fc.Arbitrary<{ pairs: [string, string][]; how: string }>[] = [];
    const bad = violation(param.schema);
    if (bad) {
      values.push(
        bad
          // A query string carries only text: a number is a defect where a word belongs only in a numeric
          // field's eyes, and objects and arrays have no form there at all.
          .filter((v) => typeof v.value === 'string' || (typeof v.value === 'number' && !typesAccept(param.schema, 'string')))
          .filter((v) => !v.how.startsWith('a string where'))
          .filter((v) => !(typeof v.value === 'string' && (v.value.length > 100_000 || !survivesUrl(v.value))))
          .map((v) => ({ pairs: [[param.name, String(v.value)]] as [string, string][], how: v.how })),
      );
    }
    if (param.schema.type === 'integer' || param.schema.type === 'number') {
      values.push(fc.constantFrom('abc', 'NaN', 'Infinity', '1e400', '１２', '1.5', '-7').map((value) => ({ pairs: [[param.name, value]] as [string, string][], how: `${value} as a number` })));
      values.push(fc.constant({ pairs: [[param.name, '1'], [param.name, '2']] as [string, string][], how: 'given twice' }));
    }
    if (param.schema.type === 'string' || param.schema.enum) {
      values.push(fc.constantFrom(...UNSTORABLE_IN_URLS).map((value) => ({ pairs: [[param.name, value]] as [string, string][], how: 'NUL' })));
    }
    if (values.length === 0) return [];
    return [
      fc.tuple(fc.oneof(...values), validPathValues(operation, targets), acceptableBody(operation)).map(([broken, path, body]) => ({
        operation: operation.id,
        defect: 'query',
        how: `${param.name}: ${broken.how}`,
        method: operation.method,
        url: url(operation, path, broken.pairs),
        headers: { ...bearer(targets.adminKey), ...body.headers },
        body: body.body,
        field: param.name,
      })),
    ];
  });
  return arbitraries.length > 0 ? fc.oneof(...arbitraries) : undefined;
}

/** An idempotency key too long for the ledger, or contradicting the body's. */
function headerDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> | undefined {
  const schema = jsonSchemaOf(operation);
  if (!takesIdempotencyKey(operation) || !schema) return undefined;
  return fc.tuple(validPathValues(operation, targets), validValue(schema), fc.boolean(), fc.constantFrom(129, 500, 4000)).map(([path, value, contradict, length]) => {
    const body = { ...(value as Record<string, unknown>) };
    if (contradict) body['idempotencyKey'] = 'fz-body-key';
    else delete body['idempotencyKey'];
    return {
      operation: operation.id,
      defect: 'header',
      how: contradict ? 'Idempotency-Key differs from the body' : `Idempotency-Key of ${length} characters`,
      method: operation.method,
      url: url(operation, path),
      headers: { ...bearer(targets.adminKey), 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: contradict ? 'fz-header-key' : 'k'.repeat(length) },
      body: jsonBody(body),
      field: 'idempotencyKey',
    };
  });
}

/** JSON bodies with one field wrong, or not the JSON the route takes at all. */
function jsonBodyDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> | undefined {
  const schema = jsonSchemaOf(operation);
  if (!schema) return undefined;
  const oneField = violation(schema);
  // Bodies of megabytes are few: each one shows what it shows, and every one costs the whole run time.
  const shapes = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom('{', '{"sku":', "{'sku': 1}", '{"a":1}}', 'NaN', '\u0000', '[1,2', '{"a":1,}', 'true', 'null', '"text"', '12').map((text) => ({
        body: Buffer.from(text),
        contentType: 'application/json',
        how: `body ${JSON.stringify(text)}`,
      })),
    },
    { weight: 1, arbitrary: fc.constant({ body: Buffer.from('['.repeat(100_000) + ']'.repeat(100_000)), contentType: 'application/json', how: 'arrays nested 100000 deep' }) },
    { weight: 1, arbitrary: fc.constant({ body: Buffer.from(`{"pad":"${'x'.repeat(FIVE_AND_A_HALF_MB)}"}`), contentType: 'application/json', how: 'a 5.5 MB body' }) },
    {
      weight: 4,
      arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x').map((contentType) => ({
        body: Buffer.from(contentType === 'application/xml' ? '<a>1</a>' : contentType.startsWith('multipart') ? '--x\r\nContent-Disposition: form-data; name="sku"\r\n\r\nA\r\n--x--' : 'sku=1&quantity=x'),
        contentType,
        how: `a ${contentType} body`,
      })),
    },
    { weight: 2, arbitrary: fc.constant({ body: Buffer.from('{"sku":"A"}', 'latin1'), contentType: 'application/json; charset=koi8-r', how: 'an unsupported charset' }) },
  );
  const arbitraries: fc.Arbitrary<FuzzCase>[] = [
    fc.tuple(shapes, validPathValues(operation, targets)).map(([shape, path]) => ({
      operation: operation.id,
      defect: 'body-shape',
      how: shape.how,
      method: operation.method,
      url: url(operation, path),
      headers: { ...bearer(targets.adminKey), 'content-type': shape.contentType, ...(takesIdempotencyKey(operation) ? { [IDEMPOTENCY_HEADER]: 'fz-shape' } : {}) },
      body: shape.body,
    })),
  ];
  if (oneField) {
    arbitraries.push(
      fc.tuple(oneField, validPathValues(operation, targets), fc.constantFrom(...ODD_UNICODE_STRINGS, ...INJECTION_STRINGS)).map(([broken, path, decoration]) => {
        const field = formatPath(broken.path);
        const body = decorate(broken.value, broken.path, decoration);
        return {
          operation: operation.id,
          defect: 'body-field',
          how: `${field || '(body)'}: ${broken.how}`,
          method: operation.method,
          url: url(operation, path),
          headers: {
            ...bearer(targets.adminKey),
            'content-type': 'application/json',
            // Valid bodies carry their idempotency key; only a body whose key is not the broken field gets the header.
            ...(takesIdempotencyKey(operation) && !field.startsWith('idempotencyKey') && !hasKey(body, 'idempotencyKey') ? { [IDEMPOTENCY_HEADER]: 'fz-field' } : {}),
          },
          body: jsonBody(body),
          field,
        };
      }),
    );
  }
  return fc.oneof(...arbitraries);
}

/** CSV and YAML bodies the route must refuse whole; the JSON form of the same route is fuzzed above. */
function textBodyDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> | undefined {
  const media = operation.body.map((b) => b.mediaType);
  const csv = media.includes('text/csv');
  const yaml = media.includes('text/yaml');
  if (!csv && !yaml) return undefined;
  return validPathValues(operation, targets).chain((path) => {
    const defects: fc.Arbitrary<TextDefect & { contentType: string }>[] = [];
    const columns = csv ? csvColumnsFor(operation.path, path) : undefined;
    if (columns) defects.push(csvDefects(columns).map((d) => ({ ...d, contentType: 'text/csv' })));
    if (yaml) defects.push(yamlDefects.map((d) => ({ ...d, contentType: 'text/yaml' })));
    // A CSV route sent JSON: the file is not there at all.
    if (csv) defects.push(fc.constant({ body: jsonBody({ code: 'A', name: 'B' }), how: 'JSON where a CSV file belongs', contentType: 'application/json' }));
    return fc.oneof(...defects).map((defect) => ({
      operation: operation.id,
      defect: 'text-body',
      how: defect.how,
      method: operation.method,
      url: url(operation, path),
      headers: { ...bearer(targets.adminKey), 'content-type': defect.contentType },
      body: defect.body,
      ...(defect.field ? { field: defect.field } : {}),
    }));
  });
}

function hasKey(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && key in value;
}

/**
 * Odd Unicode and injection text in a field beside the broken one, so the error path meets it too.
 * Only free-text fields of the body's top level are decorated, never the broken field itself.
 */
function decorate(value: unknown, brokenPath: (string | number)[], text: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = { ...(value as Record<string, unknown>) };
  for (const key of ['name', 'note', 'description', 'displayName', 'reason']) {
    if (key !== brokenPath[0] && typeof record[key] === 'string') record[key] = text;
  }
  return record;
}

/** Every malformed request the fuzz sends to one documented route. */
export function routeCases(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> {
  const families = [
    operation.public ? undefined : { weight: 2, arbitrary: authDefects(operation, targets) },
    wrap(3, pathDefects(operation, targets)),
    wrap(3, queryDefects(operation, targets)),
    wrap(1, headerDefects(operation, targets)),
    wrap(6, jsonBodyDefects(operation, targets)),
    wrap(4, textBodyDefects(operation, targets)),
  ].filter((family): family is { weight: number; arbitrary: fc.Arbitrary<FuzzCase> } => family !== undefined);
  if (families.length === 0) throw new Error(`${operation.id} takes no input the fuzz can break`);
  return fc.oneof(...families);
}

function wrap(weight: number, arbitrary: fc.Arbitrary<FuzzCase> | undefined) {
  return arbitrary ? { weight, arbitrary } : undefined;
}

