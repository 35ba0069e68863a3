import { parseTokyoDateTime } from './tokyo-time';
import type { CellReading, ColumnSpec } from './csv-table.parser';

/** Cell readers shared by the import formats; each reason says what is accepted. */

const CHANNEL = /^[a-z0-9][a-z0-9_-]*$/;

const value = <V>(v: V): CellReading<V> => ({ value: v });

export const channelColumn: ColumnSpec<string> = {
  required: true,
  read: (text) =>
    CHANNEL.test(text)
      ? value(text)
      : { reason: `"${text}" must be a lower-case channel id such as rakuten` },
};

export const textColumn = (required: boolean): ColumnSpec<string> => ({
  required,
  read: (text) => value(text),
});

export const instantColumn: ColumnSpec<number> = {
  required: true,
  read: (text) => {
    const instant = parseTokyoDateTime(text);
    return instant === null
      ? {
          reason: `"${text}" must be a date like 2026-12-04 or a date-time like 2026-12-04T20:00 (Asia/Tokyo unless an offset is given)`,
        }
      : value(instant);
  },
};

export const wholeNumberColumn = (
  required: boolean,
  what: string,
): ColumnSpec<number> => ({
  required,
  read: (text) => {
    if (text === '') return value(0);
    const number = Number(text.replace(/,/g, ''));
    return Number.isInteger(number) && number >= 0
      ? value(number)
      : { reason: `"${text}" must be a whole number of ${what}, 0 or more` };
  },
});

export const optionalNumberColumn = (
  what: string,
): ColumnSpec<number | undefined> => ({
  required: false,
  read: (text) => {
    if (text === '') return value(undefined);
    const number = Number(text.replace(/,/g, ''));
    return Number.isFinite(number) && number >= 0
      ? value(number)
      : { reason: `"${text}" must be a number (${what}), 0 or more` };
  },
});

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y']);
const FALSE_WORDS = new Set(['', '0', 'false', 'no', 'n']);

export const flagColumn: ColumnSpec<boolean> = {
  required: false,
  read: (text) => {
    const word = text.toLowerCase();
    if (TRUE_WORDS.has(word)) return value(true);
    if (FALSE_WORDS.has(word)) return value(false);
    return { reason: `"${text}" must be one of 1, 0, true, false, yes, no` };
  },
};

export const listColumn: ColumnSpec<readonly string[]> = {
  required: false,
  read: (text) =>
    value(
      text
        .split(/[|;]/)
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
};

/** A value from a fixed list, e.g. the campaign kinds. */
export const choiceColumn = <C extends string>(
  choices: readonly C[],
): ColumnSpec<C> => ({
  required: true,
  read: (text) =>
    (choices as readonly string[]).includes(text)
      ? value(text as C)
      : { reason: `"${text}" must be one of ${choices.join(', ')}` },
});
