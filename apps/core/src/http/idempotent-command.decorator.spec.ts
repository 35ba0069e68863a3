import { z } from 'zod';
import { parseIdempotentCommand } from './idempotent-command.decorator';
import { RequestValidationError } from './request-validation.error';

const schema = z.object({ idempotencyKey: z.string().min(1), reservationId: z.string().optional(), quantity: z.number().int().optional() });

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('parseIdempotentCommand', () => {
  it('takes the key from the header or from the body', () => {
    expect(parseIdempotentCommand(schema, { quantity: 1 }, 'k-1')).toEqual({ idempotencyKey: 'k-1', quantity: 1 });
    expect(parseIdempotentCommand(schema, { quantity: 1, idempotencyKey: 'k-2' }, undefined)).toMatchObject({ idempotencyKey: 'k-2' });
    expect(parseIdempotentCommand(schema, { idempotencyKey: 'k-3' }, 'k-3')).toMatchObject({ idempotencyKey: 'k-3' });
  });

  it('adds route parameters, and accepts no body when everything is in the path and header', () => {
    expect(parseIdempotentCommand(schema, undefined, 'k', { reservationId: 'r-1' })).toEqual({ idempotencyKey: 'k', reservationId: 'r-1' });
  });

  it('refuses a missing key, two different keys, a body field contradicting the path, and a non-object body', () => {
    expect(issuesOf(() => parseIdempotentCommand(schema, {}, undefined))).toEqual([
      { path: 'idempotencyKey', message: 'is required, in the body or as the Idempotency-Key header' },
    ]);
    expect(issuesOf(() => parseIdempotentCommand(schema, { idempotencyKey: 'a' }, 'b'))[0].path).toBe('idempotencyKey');
    expect(issuesOf(() => parseIdempotentCommand(schema, { reservationId: 'x' }, 'k', { reservationId: 'y' }))[0].path).toBe('reservationId');
    expect(issuesOf(() => parseIdempotentCommand(schema, [1, 2], 'k'))).toEqual([{ path: '', message: 'must be a JSON object' }]);
  });

  it('reports schema problems with dotted paths', () => {
    expect(issuesOf(() => parseIdempotentCommand(schema, { quantity: 1.5 }, 'k'))[0].path).toBe('quantity');
  });
});
