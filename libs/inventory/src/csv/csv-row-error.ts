/** One problem in an imported file, where a person can find it: 1-based row (header = row 1), column. */
export interface CsvRowError {
  row: number;
  column: string;
  reason: string;
}

export interface CsvImportReport {
  kind: CsvKind;
  dryRun: boolean;
  rows: number;
  /** Rows written (0 on a dry run or when there were errors: a file with errors imports nothing). */
  imported: number;
  errors: CsvRowError[];
}

export const CSV_KINDS = ['locations', 'products', 'bundles', 'stock'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/** The columns of each file, in order; the first row of a file must name them. */
export const CSV_COLUMNS: Record<CsvKind, string[]> = {
  locations: ['code', 'name', 'kind', 'sellable', 'priority'],
  products: ['code', 'name', 'jan', 'tags'],
  bundles: ['bundle_code', 'bundle_name', 'component_sku', 'quantity'],
  stock: ['sku', 'location', 'quantity'],
};
