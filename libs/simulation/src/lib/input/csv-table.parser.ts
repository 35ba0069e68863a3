import { parse } from 'csv-parse/sync';
import type { CsvIssue, CsvParseResult } from './input-issue';

/**
 * Reads a CSV file with a header line into typed rows. Each column has a reader that returns the
 * value or a reason; every problem of every row is collected, so an operator fixes the file in one
 * pass rather than one error at a time. Column names are matched case-insensitively.
 */
export interface ColumnSpec<V> {
  readonly required: boolean;
  /** Turns the cell text (trimmed, possibly empty) into `{ value }`, or says why it cannot. */
  read(text: string): CellReading<V>;
}

export type CellReading<V> =
  | { readonly value: V }
  | { readonly reason: string };

type Columns<T> = { readonly [K in keyof T]-?: ColumnSpec<T[K]> };

export function parseCsvTable<T>(
  text: string,
  columns: Columns<T>,
): CsvParseResult<T> {
  let records: string[][];
  try {
    records = parse(text, {
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          row: 1,
          column: '(file)',
          reason: `is not valid CSV: ${(error as Error).message}`,
        },
      ],
    };
  }
  const [header = [], ...data] = records;
  const positions = new Map(
    header.map((name, index) => [name.toLowerCase(), index]),
  );
  const names = Object.keys(columns) as (keyof T & string)[];
  const missing = names.filter(
    (name) => columns[name].required && !positions.has(name),
  );
  if (missing.length > 0) {
    return {
      ok: false,
      issues: missing.map((name) => ({
        row: 1,
        column: name,
        reason: `column is missing from the header; expected columns: ${names.join(', ')}`,
      })),
    };
  }
  const issues: CsvIssue[] = [];
  const rows: T[] = [];
  data.forEach((record, index) => {
    const row: Partial<Record<keyof T, unknown>> = {};
    let rowOk = true;
    for (const name of names) {
      const position = positions.get(name);
      const cell = position === undefined ? '' : (record[position] ?? '');
      const spec = columns[name];
      if (cell === '' && spec.required) {
        issues.push({ row: index + 2, column: name, reason: 'is empty' });
        rowOk = false;
        continue;
      }
      const reading = spec.read(cell);
      if ('reason' in reading) {
        issues.push({ row: index + 2, column: name, reason: reading.reason });
        rowOk = false;
      } else row[name] = reading.value;
    }
    if (rowOk) rows.push(row as T);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}
