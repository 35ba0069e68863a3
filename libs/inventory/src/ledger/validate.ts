import type { z } from 'zod';
import { zodFieldProblems } from '../validation/field-problems';
import { LedgerValidationError } from './ledger-errors';

/** Parses input with a schema, turning every problem into a field path and a sentence. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new LedgerValidationError(
    zodFieldProblems(result.error).map((problem) => ({
      path: problem.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join(''),
      message: problem.message,
    })),
  );
}
