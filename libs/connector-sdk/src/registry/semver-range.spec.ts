import { isValidRange, satisfies, SemverRangeError } from './semver-range';

describe('satisfies', () => {
  it.each([
    ['1.4.2', '^1.0.0', true],
    ['2.0.0', '^1.0.0', false],
    ['0.2.5', '^0.2.1', true],
    ['0.3.0', '^0.2.1', false],
    ['0.0.4', '^0.0.3', false],
    ['1.2.9', '~1.2.0', true],
    ['1.3.0', '~1.2.0', false],
    ['1.9.0', '1.x', true],
    ['2.0.0', '1', false],
    ['1.2.0', '>=1.2.0 <2.0.0', true],
    ['2.0.0', '>=1.2.0 <2.0.0', false],
    ['1.1.9', '>= 1.2.0', false],
    ['3.1.0', '^1.0.0 || ^3.0.0', true],
    ['2.5.0', '^1.0.0 || ^3.0.0', false],
    ['1.3.0', '>1.2', true],
    ['1.2.7', '>1.2', false],
    ['1.2.7', '<=1.2', true],
    ['1.3.0', '<=1.2', false],
    ['9.9.9', '*', true],
    ['1.0.0', '1.0.0', true],
    ['1.0.1', '=1.0.0', false],
  ])('%s in %s → %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('refuses unreadable ranges and versions with a message that says what is accepted', () => {
    expect(isValidRange('^1.0.0')).toBe(true);
    expect(isValidRange('latest')).toBe(false);
    expect(isValidRange('')).toBe(false);
    expect(() => satisfies('1.0.0', 'one')).toThrow(/accepted: \*, 1\.2\.3/);
    expect(() => satisfies('1.0', '*')).toThrow(SemverRangeError);
    expect(() => satisfies('1.0.0-beta.1', '*')).toThrow('MAJOR.MINOR.PATCH');
  });
});
