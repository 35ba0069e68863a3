import { MAX_INPUT_DEPTH, unstorableInput, unstorableText } from './storable-input';

describe('unstorableInput', () => {
  it('accepts any valid Unicode text, however odd', () => {
    for (const text of ['売り切り', '👨‍👩‍👧‍👦', '\u202eTEA', 'e\u0301', '\uffff', "'; DROP TABLE x; --", '']) expect(unstorableText(text)).toBeUndefined();
    expect(unstorableInput({ name: '売り切り', tags: ['🏳️‍🌈'], n: 1, ok: true, none: null })).toEqual([]);
  });

  it('names every NUL and lone surrogate, in values and in field names', () => {
    expect(unstorableInput({ sku: 'TEA\u0000', order: { lines: ['ok', 'a\ud800'] }, ['k\u0000']: 1 })).toEqual(
      expect.arrayContaining([
        { path: 'sku', message: 'must not contain the NUL character (U+0000)' },
        { path: 'order.lines[1]', message: 'must be valid Unicode text; it contains half of a surrogate pair' },
        { path: 'k\u0000', message: '(a field name) must not contain the NUL character (U+0000)' },
      ]),
    );
    expect(unstorableInput('x\udfff', ['code'])).toEqual([{ path: 'code', message: expect.stringContaining('surrogate') }]);
  });

  it('refuses nesting deeper than the API ever takes, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const problems = unstorableInput({ plan: deep });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe(`is nested more than ${MAX_INPUT_DEPTH} levels deep`);
    expect(problems[0].path.startsWith('plan[0]')).toBe(true);
  });
});
