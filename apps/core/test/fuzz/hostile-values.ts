import fc from 'fast-check';

/** Strings an attacker or a broken client sends: query languages, paths, markup, templates, formulas. */
export const INJECTION_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE stock_level; --",
  '" OR ""="',
  "1; SELECT pg_sleep(5)--",
  "1' UNION SELECT hash FROM api_key--",
  '$where: "1 == 1"',
  '{"$gt": ""}',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '=HYPERLINK("http://example.invalid","x")',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '__proto__',
  'constructor',
  '\\',
  '*',
  '%',
  '_',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0x7fffffff',
  'true',
  '[]',
  '{}',
];

/**
 * Text a ledger must store or refuse without failing: right-to-left overrides, zero-width and
 * combining marks, emoji sequences, full-width and compatibility forms, non-characters.
 */
export const ODD_UNICODE_STRINGS = [
  '\u202eTEA-100',
  'TEA\u200b-100',
  'TEA\u200d100',
  'e\u0301\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  'ＴＥＡ－１００',
  'ﬁ',
  '\ufeffTEA',
  '\uffff',
  '\ufffe',
  '\u2028\u2029',
  '売り切り',
  'Z̴̧̛͎͓̈́a̵̡͚̐l̶̢̈́g̸̣̈́o̸̞͝',
  '\u00a0',
  '\t',
  ' ',
  'A'.repeat(300),
];

/** Characters PostgreSQL cannot store in text, or that are not text at all: always refused. */
export const UNSTORABLE_STRINGS = ['TEA\u0000100', '\u0000', 'TEA\ud800', '\udfff100', 'a\ud83d'];

/** In a URL only NUL stays what it is: a client encodes a lone surrogate as U+FFFD, which is valid text. */
export const UNSTORABLE_IN_URLS = UNSTORABLE_STRINGS.filter((s) => s.includes('\u0000'));

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTION_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_UNICODE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }) },
);

/** Numbers no field accepts as a count, an id or a money amount. */
export const HOSTILE_NUMBERS = [
  -1,
  -0.5,
  0.5,
  1.000001,
  2 ** 31,
  2 ** 31 - 1 + 2,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e300,
  -1e300,
  Number.MIN_VALUE,
];

/** The same, as a query string or path segment spells them, plus what only text can be. */
export const HOSTILE_NUMBER_TEXTS = [
  '-1',
  '0',
  '1.5',
  '1e3',
  '0x10',
  '99999999999',
  '2147483648',
  '9007199254740993',
  '1e400',
  'Infinity',
  '-Infinity',
  'NaN',
  ' 1',
  '1 ',
  '+1',
  '１２',
  '',
  '٣',
];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether text reaches the service unchanged inside a URL (UTF-8 encoding turns lone surrogates into U+FFFD). */
export function survivesUrl(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** Six levels of nine aliases each: half a million nodes from a few hundred bytes of YAML. */
export const YAML_ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdef'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcde'[i]}`).join(', ')}]`),
].join('\n');
