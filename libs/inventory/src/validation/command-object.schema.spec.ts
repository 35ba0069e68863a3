import { z } from 'zod';
import { commandObject } from './command-object.schema';
import { zodFieldProblems } from './field-problems';

describe('commandObject', () => {
  const schema = commandObject({ reservationId: z.string(), quantity: z.number().optional() });

  it('refuses a misspelt field, naming it and the accepted fields', () => {
    const result = schema.safeParse({ reservationId: 'r', quantiy: 1 });
    expect(result.success).toBe(false);
    expect(zodFieldProblems(result.error as z.ZodError)).toEqual([
      { path: ['quantiy'], message: 'is not a field of this command; accepted fields: reservationId, quantity' },
    ]);
  });

  it('names each unknown field on its own path, nested ones too', () => {
    const outer = commandObject({ order: commandObject({ orderId: z.string() }) });
    const result = outer.safeParse({ order: { orderId: 'o', lineld: '1' }, extra: true });
    expect(zodFieldProblems(result.error as z.ZodError).map((p) => p.path)).toEqual([['order', 'lineld'], ['extra']]);
  });

  it('lists the fields of the schema that refused, after omit', () => {
    const result = schema.omit({ reservationId: true }).safeParse({ quantity: 1, reservationId: 'r' });
    expect(zodFieldProblems(result.error as z.ZodError)).toEqual([{ path: ['reservationId'], message: 'is not a field of this command; accepted fields: quantity' }]);
  });

  it('accepts the known fields as before', () => {
    expect(schema.parse({ reservationId: 'r' })).toEqual({ reservationId: 'r' });
  });
});
