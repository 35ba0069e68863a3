import { readFileSync } from 'node:fs';
import type { CsvIssue, CsvParseResult, PlanIssue } from '@urikiri/simulation';

/** Thrown with a message for people: which file, which row and column or field, and what is accepted. */
export class InputFileError extends Error {}

/** A flag that must be a whole number of 1 or more. */
export function wholeNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InputFileError(`${flag} must be a whole number, 1 or more (got "${text}")`);
  return value;
}

/** Runs a command: bad input ends it with the message and exit code 1; anything else is a bug and throws. */
export function runCommand(name: string, main: () => number): void {
  try {
    process.exitCode = main();
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    console.error(`urikiri ${name}: ${error.message}`);
    process.exitCode = 1;
  }
}

export function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputFileError(`cannot read the ${what} file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export function readCsv<T>(file: string, what: string, parse: (text: string) => CsvParseResult<T>): readonly T[] {
  const parsed = parse(readText(file, what));
  if (parsed.ok) return parsed.rows;
  throw new InputFileError(
    [`${file} (${what}) was not imported:`, ...parsed.issues.slice(0, 20).map(describeCsvIssue), ...moreIssues(parsed.issues)].join('\n'),
  );
}

export function describeCsvIssue(issue: CsvIssue): string {
  return `  row ${issue.row}, column ${issue.column}: ${issue.reason}`;
}

export function describePlanIssues(file: string, issues: readonly PlanIssue[]): string {
  return [`${file} (plan) was refused:`, ...issues.slice(0, 20).map((issue) => `  ${issue.path}: ${issue.reason}`), ...moreIssues(issues)].join('\n');
}

function moreIssues(issues: readonly unknown[]): string[] {
  return issues.length > 20 ? [`  … and ${issues.length - 20} more`] : [];
}
