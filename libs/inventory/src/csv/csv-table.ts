import { parse } from 'csv-parse/sync';
import type { CsvRowError } from './csv-row-error';

/** One data row, by column name; values trimmed, missing trailing values as ''. */
export type CsvRow = Record<string, string>;

export interface CsvTableShape {
  /** Columns the header must name (their order in the file does not matter). */
  columns: string[];
  /** Columns the header may name as well. */
  optional?: string[];
  /**
   * Refuse a header column that is neither required nor optional, a column named twice, and a row
   * with more values than the header has columns: otherwise a typo in an optional column's name or a
   * stray comma is dropped silently.
   */
  strict?: boolean;
}

export interface CsvTable {
  rows: CsvRow[];
  /** Problems with the file itself (not CSV, header, value count); rows are empty when the header is wrong. */
  errors: CsvRowError[];
}

/**
 * Reads an imported CSV file whose first row names its columns (a spreadsheet's BOM is dropped,
 * blank lines skipped, values trimmed). Row numbers in errors count the header as row 1, the way a
 * spreadsheet shows them.
 */
export function parseCsvTable(text: string, shape: CsvTableShape): CsvTable {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return { rows: [], errors: [{ row: e.lines ?? 1, column: '', reason: `not valid CSV: ${e.message}` }] };
  }
  const header = records[0] ?? [];
  const optional = shape.optional ?? [];
  const missing = shape.columns.filter((c) => !header.includes(c));
  if (missing.length) {
    const may = optional.length ? `; it may also name ${optional.join(', ')}` : '';
    return { rows: [], errors: [{ row: 1, column: missing.join(', '), reason: `header must name the columns ${shape.columns.join(', ')}${may}` }] };
  }
  const data = records.slice(1);
  // Two columns of one name leave which value counts to chance: refused even where extra columns are not.
  const errors = shape.strict ? strictErrors(header, data, shape.columns, optional) : duplicateColumnErrors(header);
  if (errors.some((e) => e.row === 1)) return { rows: [], errors };
  const rows = data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  return { rows, errors };
}

function strictErrors(header: string[], data: string[][], columns: string[], optional: string[]): CsvRowError[] {
  const errors: CsvRowError[] = [];
  const accepted = `the columns are ${columns.join(', ')}${optional.length ? ` and optionally ${optional.join(', ')}` : ''}`;
  header.forEach((column) => {
    if (![...columns, ...optional].includes(column)) errors.push({ row: 1, column, reason: `unknown column; ${accepted}` });
  });
  errors.push(...duplicateColumnErrors(header));
  data.forEach((record, i) => {
    if (record.length > header.length) {
      errors.push({ row: i + 2, column: '', reason: `has ${record.length} values but the header names ${header.length} columns` });
    }
  });
  return errors;
}

function duplicateColumnErrors(header: string[]): CsvRowError[] {
  return header.flatMap((column, i) => (header.indexOf(column) !== i ? [{ row: 1, column, reason: 'the header names this column twice' }] : []));
}
