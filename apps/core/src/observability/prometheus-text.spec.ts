import { escapeHelp, escapeLabelValue, familyHeader, formatValue, sampleLine } from './prometheus-text';

describe('Prometheus text format', () => {
  it('escapes backslash, double quote and line feed in label values, and nothing else', () => {
    expect(escapeLabelValue('shop "A"\\main\nline')).toBe('shop \\"A\\"\\\\main\\nline');
    expect(escapeLabelValue('楽天市場 {a=b}, c')).toBe('楽天市場 {a=b}, c');
  });

  it('escapes backslash and line feed in HELP text but leaves double quotes', () => {
    expect(escapeHelp('a "b"\\c\nd')).toBe('a "b"\\\\c\\nd');
  });

  it('writes the infinities and NaN by name, numbers as they are', () => {
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('+Inf');
    expect(formatValue(Number.NEGATIVE_INFINITY)).toBe('-Inf');
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(formatValue(12)).toBe('12');
    expect(formatValue(0.25)).toBe('0.25');
  });

  it('writes a sample with its labels in order, and without braces when it has none', () => {
    expect(sampleLine('x_total', [['account', 'a"1'], ['channel', 'rakuten']], 3)).toBe('x_total{account="a\\"1",channel="rakuten"} 3');
    expect(sampleLine('up', [], 1)).toBe('up 1');
  });

  it('opens a family with HELP then TYPE', () => {
    expect(familyHeader('q', 'gauge', 'Jobs\nnow')).toEqual(['# HELP q Jobs\\nnow', '# TYPE q gauge']);
  });
});
