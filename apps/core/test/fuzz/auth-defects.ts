import fc from 'fast-check';
import type { FuzzCase } from './fuzz-case';
import { INJECTION_STRINGS } from './hostile-values';
import type { Operation } from './openapi-operations';
import { acceptableBody, bearer, type FuzzTargets, operationUrl, validPathValues } from './request-parts';

/** Requests without a key the route accepts: none, malformed, unknown, revoked, or one without the scope. */
export function authDefects(operation: Operation, targets: FuzzTargets): fc.Arbitrary<FuzzCase> {
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
    url: operationUrl(operation, values),
    headers: { ...body.headers, ...credential.headers },
    body: body.body,
  }));
}
