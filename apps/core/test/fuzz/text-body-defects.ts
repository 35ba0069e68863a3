import fc from 'fast-check';
import { CSV_COLUMNS, type CsvKind } from '@urikiri/inventory';
import { LISTING_CSV_COLUMNS } from '@urikiri/sync';
import { INJECTION_STRINGS, ODD_UNICODE_STRINGS, YAML_ALIAS_BOMB } from './hostile-values';

/** A text body (CSV or YAML) that the route must refuse as a whole, and why. */
export interface TextDefect {
  body: Buffer;
  how: string;
  /** The field a 400 must name, when one field is at fault. */
  field?: string;
}

/** The columns an import takes, from the route and its `kind`; undefined for a route that is no CSV import. */
export function csvColumnsFor(path: string, values: Record<string, string>): string[] | undefined {
  if (path.endsWith('/channels/listings/import')) return [...LISTING_CSV_COLUMNS];
  if (path.endsWith('/csv/{kind}')) return CSV_COLUMNS[values['kind'] as CsvKind];
  return undefined;
}

const cell = fc.oneof(fc.constantFrom(...INJECTION_STRINGS, ...ODD_UNICODE_STRINGS), fc.string({ unit: 'grapheme', maxLength: 20 }));

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

/**
 * CSV files the import must refuse whole: no usable header, binary, NUL, or a good header whose
 * rows include one that is definitely wrong (more values than columns) among hostile ones. All or
 * nothing, so the hostile rows are never written either.
 */
export function csvDefects(columns: string[]): fc.Arbitrary<TextDefect> {
  const hostileRows = fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { minLength: 0, maxLength: 4 });
  return fc.oneof(
    fc.tuple(hostileRows, fc.nat({ max: 4 })).map(([rows, at]) => {
      const lines = rows.map(csvLine);
      // Wrong twice over: no code or account is called that, and strict imports refuse the extra value too.
      lines.splice(Math.min(at, lines.length), 0, csvLine(['NOT A VALID ID!', ...columns.slice(1).map(() => 'x'), 'one too many']));
      return { body: Buffer.from([columns.join(','), ...lines].join('\n')), how: 'a row with an impossible id and one value too many, among hostile rows' };
    }),
    fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }).map((rows) => ({
      body: Buffer.from(rows.map(csvLine).join('\r\n')),
      how: 'hostile text for a header',
    })),
    fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({ body: Buffer.from(bytes), how: 'binary bytes' })),
    fc.constant({ body: Buffer.from(`${columns.join(',')}\n${columns.map(() => 'A\u0000B').join(',')}`), how: 'NUL inside values' }),
    fc.constant({ body: Buffer.from(`${columns.join(',')}\n"unterminated,${columns.slice(1).join(',')}`), how: 'an unterminated quote' }),
    fc.constant({
      body: Buffer.from(`${columns.join(',')}\n${`${csvLine([...columns.map(() => 'x'.repeat(40)), 'extra'])}\n`.repeat(12_000)}`),
      how: 'a 1.2 MB file whose rows all have one value too many',
    }),
    fc.constant({ body: Buffer.from(`${columns.join(',')},${columns[0]}\n`), how: 'a column given twice' }),
  );
}


/** Rule sets as YAML that no parser result can make valid. */
export const yamlDefects: fc.Arbitrary<TextDefect> = fc.oneof(
  fc.constantFrom('a: [1,', 'version: "unterminated', ':\n  - : :', '\tversion: 1', '{{{', '- 1\n- 2', 'just words', '').map((text) => ({
    body: Buffer.from(text),
    how: `YAML ${JSON.stringify(text)}`,
  })),
  fc.constant({ body: Buffer.from(`${YAML_ALIAS_BOMB}\nversion: 1`), how: 'an alias bomb' }),
  fc.constant({ body: Buffer.from('version: !!js/function "function () { return 1 }"\nmode: shared\nrules: [{id: a}]'), how: 'an unknown tag', field: 'version' }),
  fc.constant({ body: Buffer.from('version: 1\nversion: 2\nmode: shared\nrules: [{id: a}]'), how: 'a key given twice' }),
  fc.constantFrom('abc', '-1', '1.5', '1e400', '[]', '{}', 'null').map((version) => ({
    body: Buffer.from(`version: ${version}\nmode: shared\nrules:\n  - id: fz\n`),
    how: `version: ${version}`,
    field: 'version',
  })),
  fc.constantFrom(...INJECTION_STRINGS, ...ODD_UNICODE_STRINGS).map((mode) => ({
    body: Buffer.from(`version: 1\nmode: ${JSON.stringify(mode)}\nrules:\n  - id: fz\n`),
    how: `mode: ${mode}`,
    field: 'mode',
  })),
  fc.constant({ body: Buffer.from(`version: 1\nmode: shared\nrules:\n${'  - id: "x\u0000"\n'}`), how: 'NUL in a rule id' }),
  fc.constant({ body: Buffer.from(`version: 1\nmode: shared\ndescription: "${'x'.repeat(1_100_000)}"\nrules: []\n`), how: 'a 1.1 MB YAML rule set without rules', field: 'rules' }),
  fc.constant({ body: Buffer.from(`${'['.repeat(5000)}${']'.repeat(5000)}`), how: 'flow sequences nested 5000 deep' }),
);
