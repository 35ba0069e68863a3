import type { z } from 'zod';
import type { CsvRowError } from './csv-row-error';

/**
 * Collects the problems of an imported file's data rows, each where a person finds it: `index` is
 * the row's position among the data rows, reported as its spreadsheet row (the header is row 1).
 */
export class CsvRowChecks {
  readonly errors: CsvRowError[] = [];
  private readonly firstSeen = new Map<string, number>();

  fail(index: number, column: string, reason: string): void {
    this.errors.push({ row: index + 2, column, reason });
  }

  /** The value parsed by `schema`, or undefined after recording the schema's first complaint. */
  field<S extends z.ZodType>(index: number, column: string, schema: S, value: unknown): z.output<S> | undefined {
    const result = schema.safeParse(value);
    if (!result.success) this.fail(index, column, result.error.issues[0]?.message ?? 'invalid');
    return result.success ? result.data : undefined;
  }

  /** Records a repeat of `key` in the file; `shown` is how the value reads in the message. */
  once(index: number, column: string, key: string, shown = `'${key}'`): void {
    const first = this.firstSeen.get(key);
    if (first !== undefined) this.fail(index, column, `${shown} appears again (first on row ${first + 2})`);
    else this.firstSeen.set(key, index);
  }
}
