/** A CSV problem: the row as a spreadsheet numbers it (the header is row 1), the column, and why. */
export interface CsvFileError {
  row: number;
  column: string;
  reason: string;
}

/**
 * A CSV import refused because of errors in the file: nothing was imported. The exception filter
 * answers it as a 400 in the common error shape (`csv_invalid`), with the import's own report
 * (every error with its row and column) beside the code and message.
 */
export class CsvFileRejectedError extends Error {
  constructor(readonly report: { errors: CsvFileError[] } & Record<string, unknown>) {
    super(CsvFileRejectedError.summary(report.errors));
    this.name = 'CsvFileRejectedError';
  }

  private static summary(errors: CsvFileError[]): string {
    const [first] = errors;
    const where = first ? `row ${first.row}${first.column ? `, column ${first.column}` : ''}: ${first.reason}` : 'no details';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more in errors)` : '';
    return `The CSV file has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}, so nothing was imported. ${where}${more}`;
  }
}
