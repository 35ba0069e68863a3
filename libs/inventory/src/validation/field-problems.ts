import type { z } from 'zod';

export interface ZodFieldProblem {
  path: PropertyKey[];
  message: string;
}

/**
 * One problem per field. Zod reports every unknown field of an object as a single issue at the
 * object; splitting it puts each unknown field's own name in the path, where every other problem
 * names its field.
 */
export function zodFieldProblems(error: z.ZodError): ZodFieldProblem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: issue.message }))
      : [{ path: issue.path, message: issue.message }],
  );
}
