import fc from 'fast-check';
import { type FuzzCase, jsonBody } from './fuzz-case';
import { INJECTION_STRINGS, ODD_UNICODE_STRINGS } from './hostile-values';
import type { Operation } from './openapi-operations';
import { bearer, type FuzzTargets, IDEMPOTENCY_HEADER, jsonSchemaOf, operationUrl, takesIdempotencyKey, validPathValues } from './request-parts';
import { formatPath, validValue, violation } from './schema-values';
import { csvColumnsFor, csvDefects, type TextDefect, yamlDefects } from './text-body-defects';

const FIVE_AND_A_HALF_MB = 5.5 * 1024 * 1024;

/** An idempotency key too long for the ledger, or contradicting the body's. */
export function headerDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> | undefined {
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
      url: operationUrl(operation, path),
      headers: { ...bearer(targets.adminKey), 'content-type': 'application/json', [IDEMPOTENCY_HEADER]: contradict ? 'fz-header-key' : 'k'.repeat(length) },
      body: jsonBody(body),
      field: 'idempotencyKey',
    };
  });
}

/** JSON bodies with one field wrong, or not the JSON the route takes at all. */
export function jsonBodyDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> | undefined {
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
      url: operationUrl(operation, path),
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
          url: operationUrl(operation, path),
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
export function textBodyDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> | undefined {
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
      url: operationUrl(operation, path),
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
