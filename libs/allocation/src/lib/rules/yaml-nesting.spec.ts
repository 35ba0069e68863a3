import { MAX_YAML_NESTING, yamlNestingDepth } from './yaml-nesting';
import { parseRuleSet } from './rule-set.parser';

describe('YAML nesting before parsing', () => {
  it('counts flow brackets and the levels a line opens', () => {
    expect(yamlNestingDepth('a: 1')).toBe(0);
    expect(yamlNestingDepth('a: [1, [2, {b: 3}]]')).toBe(3);
    expect(yamlNestingDepth('rules:\n  - id: x\n    shares: {shopify: 100}')).toBe(5);
    expect(yamlNestingDepth('- - - x')).toBe(6);
  });

  it('never counts less than the parser descends: brackets in quotes count too', () => {
    expect(yamlNestingDepth(`a: "${'['.repeat(10)}"`)).toBe(10);
  });

  it('refuses a rule set nested thousands of levels deep before the parser sees it, naming the limit', () => {
    for (const text of ['['.repeat(5000), '{a: '.repeat(5000), `${'- '.repeat(5000)}x`, `${' '.repeat(5000)}a: 1`]) {
      const result = parseRuleSet(text, { format: 'yaml' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0].message).toContain(`deeper than ${MAX_YAML_NESTING} levels`);
    }
  });

  it('still reads an ordinary rule set', () => {
    const result = parseRuleSet('version: 1\nmode: shared\nrules:\n  - id: shares\n    shares: { shopify: 100, rakuten: 60 }\n', { format: 'yaml' });
    expect(result.ok).toBe(true);
  });
});
