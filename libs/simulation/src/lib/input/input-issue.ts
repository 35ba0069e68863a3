/** One problem in an imported CSV file: the row as a spreadsheet numbers it (the header is row 1) and the column. */
export interface CsvIssue {
  readonly row: number;
  readonly column: string;
  readonly reason: string;
}

/** One problem in a plan document, addressed by the path of the field, e.g. `policies[1].sync.minutes`. */
export interface PlanIssue {
  readonly path: string;
  readonly reason: string;
}

export type CsvParseResult<T> =
  | { readonly ok: true; readonly rows: readonly T[] }
  | { readonly ok: false; readonly issues: readonly CsvIssue[] };
