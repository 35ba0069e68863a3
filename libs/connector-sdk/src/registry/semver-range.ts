/**
 * The part of npm's semver range grammar that connector manifests need: `*`, exact versions,
 * comparators (`>=1.2.0 <2.0.0`), caret and tilde ranges, x-ranges (`1.x`, `1.2`) and `||`.
 * Release versions only: the SDK does not publish pre-releases, so a range naming one is refused
 * rather than half-understood.
 */
type Version = readonly [number, number, number];
type Operator = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  op: Operator;
  version: Version;
}

export class SemverRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SemverRangeError';
  }
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;
const PARTIAL = /^(\*|x|X|\d+)(?:\.(\*|x|X|\d+)(?:\.(\*|x|X|\d+))?)?$/;
const COMPARATOR = /^(\^|~|>=|<=|>|<|=)?\s*v?(.+)$/;

export function parseVersion(text: string): Version {
  const match = VERSION.exec(text.trim().replace(/^v/, ''));
  if (!match) {
    throw new SemverRangeError(`"${text}" is not a version; expected MAJOR.MINOR.PATCH such as 1.4.0`);
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i += 1) {
    if (a[i] !== b[i]) {
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return 0;
}

function isWild(part: string | undefined): boolean {
  return part === undefined || part === '*' || part === 'x' || part === 'X';
}

/** Expands one range token (`^1.2.0`, `1.x`, `>=2`) into the comparators it stands for. */
function expand(token: string): Comparator[] {
  const match = COMPARATOR.exec(token);
  const partial = match ? PARTIAL.exec(match[2]) : null;
  if (!match || !partial) {
    throw new SemverRangeError(
      `"${token}" is not a range; accepted: *, 1.2.3, >=1.2.0 <2.0.0, ^1.2.0, ~1.2.0, 1.x, joined by spaces or ||`,
    );
  }
  const op = match[1] ?? '=';
  const [, majorText, minorText, patchText] = partial;
  if (isWild(majorText)) {
    return [];
  }
  const major = Number(majorText);
  const minor = isWild(minorText) ? 0 : Number(minorText);
  const patch = isWild(patchText) ? 0 : Number(patchText);
  const base: Version = [major, minor, patch];
  const minorWild = isWild(minorText);
  const patchWild = isWild(patchText);
  const nextMajor: Version = [major + 1, 0, 0];
  const nextMinor: Version = [major, minor + 1, 0];

  switch (op) {
    case '^': {
      const upper: Version = major > 0 || minorWild ? nextMajor : minor > 0 || patchWild ? nextMinor : [0, 0, patch + 1];
      return [
        { op: '>=', version: base },
        { op: '<', version: upper },
      ];
    }
    case '~':
      return [
        { op: '>=', version: base },
        { op: '<', version: minorWild ? nextMajor : nextMinor },
      ];
    case '=':
      if (minorWild || patchWild) {
        return [
          { op: '>=', version: base },
          { op: '<', version: minorWild ? nextMajor : nextMinor },
        ];
      }
      return [{ op: '=', version: base }];
    case '>':
      // `>1.2` means above every 1.2.x, so the first version that qualifies is 1.3.0.
      if (minorWild || patchWild) {
        return [{ op: '>=', version: minorWild ? nextMajor : nextMinor }];
      }
      return [{ op: '>', version: base }];
    case '<=':
      if (minorWild || patchWild) {
        return [{ op: '<', version: minorWild ? nextMajor : nextMinor }];
      }
      return [{ op: '<=', version: base }];
    default:
      return [{ op: op as Operator, version: base }];
  }
}

function test(comparator: Comparator, version: Version): boolean {
  const c = compare(version, comparator.version);
  switch (comparator.op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '=':
      return c === 0;
  }
}

function parseRange(range: string): Comparator[][] {
  if (range.trim() === '') {
    throw new SemverRangeError('An empty range is not accepted; use * to accept every version');
  }
  return range.split('||').map((set) => {
    // `>= 1.2.0` is written with a space by some people; glue operators to their version first.
    const tokens = set.trim().replace(/(\^|~|>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).filter(Boolean);
    if (tokens.length === 0) {
      throw new SemverRangeError(`"${range}" has an empty alternative around ||`);
    }
    return tokens.flatMap(expand);
  });
}

/** Throws a SemverRangeError that says what is accepted when `range` cannot be read. */
export function assertValidRange(range: string): void {
  parseRange(range);
}

export function isValidRange(range: string): boolean {
  try {
    parseRange(range);
    return true;
  } catch (error) {
    if (error instanceof SemverRangeError) {
      return false;
    }
    throw error;
  }
}

export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  return parseRange(range).some((set) => set.every((comparator) => test(comparator, v)));
}
