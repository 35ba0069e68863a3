import { zodFieldProblems } from '@urikiri/inventory';
import type { z } from 'zod';

export interface FieldProblem {
  /** Dotted path of the field, e.g. `quantity` or `components[1].sku`; empty for the body as a whole. */
  path: string;
  message: string;
  /** For a CSV field: the row as a spreadsheet numbers it (the header is row 1) and the column. */
  row?: number;
  column?: string;
}

/** Bad input caught at the edge, before the ledger is called: answered as 400 with each field named. */
export class RequestValidationError extends Error {
  constructor(readonly issues: FieldProblem[]) {
    super(issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; '));
    this.name = 'RequestValidationError';
  }

  static fromZod(error: z.ZodError, prefix: string[] = []): RequestValidationError {
    return new RequestValidationError(
      zodFieldProblems(error).map((problem) => ({ path: formatPath([...prefix, ...problem.path]), message: problem.message })),
    );
  }
}

/** `components[1].sku`: how every answer of the API writes where a field sits. */
export function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text ? `${text}.${String(segment)}` : String(segment);
  }, '');
}
