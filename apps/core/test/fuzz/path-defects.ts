import fc from 'fast-check';
import type { FuzzCase } from './fuzz-case';
import { HOSTILE_NUMBER_TEXTS, survivesUrl, UNSTORABLE_IN_URLS } from './hostile-values';
import type { Operation } from './openapi-operations';
import { acceptableBody, bearer, type FuzzTargets, isConstrained, operationUrl, pathParams, unknownPathValues, validPathValues } from './request-parts';
import { violation } from './schema-values';

/** Path values of the wrong form (400 naming the parameter) or naming nothing that exists (404). */
export function pathDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> | undefined {
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
      url: operationUrl(operation, values),
      headers: { ...bearer(targets.adminKey), ...body.headers },
      body: body.body,
    }));
    const malformed = fc.tuple(fc.oneof(...wrongForm), validPathValues(operation, targets), acceptableBody(operation)).map(([broken, values, body]) => ({
      operation: operation.id,
      defect: 'path-form',
      how: `${param.name}: ${broken.how}`,
      method: operation.method,
      url: operationUrl(operation, { ...values, [param.name]: broken.value }),
      headers: { ...bearer(targets.adminKey), ...body.headers },
      body: body.body,
      field: param.name,
    }));
    return param.schema.enum ? malformed : fc.oneof(missing, malformed);
  });
  return fc.oneof(...arbitraries);
}
