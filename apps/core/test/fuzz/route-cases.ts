import fc from 'fast-check';
import { authDefects } from './auth-defects';
import { headerDefects, jsonBodyDefects, textBodyDefects } from './body-defects';
import type { FuzzCase } from './fuzz-case';
import type { Operation } from './openapi-operations';
import { pathDefects } from './path-defects';
import { queryDefects } from './query-defects';
import type { FuzzTargets } from './request-parts';

export type { FuzzTargets } from './request-parts';

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
