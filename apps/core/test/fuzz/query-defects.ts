import fc from 'fast-check';
import type { FuzzCase } from './fuzz-case';
import { survivesUrl, UNSTORABLE_IN_URLS } from './hostile-values';
import type { Operation } from './openapi-operations';
import { acceptableBody, bearer, type FuzzTargets, operationUrl, typesAccept, validPathValues } from './request-parts';
import { violation } from './schema-values';

/** Query parameters out of their schema, one at a time. */
export function queryDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> | undefined {
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
        url: operationUrl(operation, path, broken.pairs),
        headers: { ...bearer(targets.adminKey), ...body.headers },
        body: body.body,
        field: param.name,
      })),
    ];
  });
  return arbitraries.length > 0 ? fc.oneof(...arbitraries) : undefined;
}
