import { parseRuleSet, validateRuleSet } from './rule-set.parser';
import { describeIssue } from './rule-set-issue';
import { compileRuleSet, InvalidRuleSetError } from './compiled-rule-set';
import { ruleSetJsonSchema } from './rule-set-json-schema';

/** The messages an operator would see for `text`, one `path: reason` line each. */
function refusal(text: string): string[] {
  const parsed = parseRuleSet(text);
  if (parsed.ok) throw new Error('expected the rule set to be refused');
  return parsed.issues.map(describeIssue);
}

const VALID_YAML = `
version: 3
mode: partitioned
rules:
  - id: base
    shares: { rakuten: 60, amazon: 30, shopify: 10 }
  - id: cosmetics
    scope: { categories: [cosmetics] }
    safetyStock: { all: { units: 2 }, channels: { amazon: { percent: 10 } } }
  - id: super-sale
    window: { from: 2026-12-04T20:00, to: 2026-12-11T01:59 }
    ringFences: { rakuten: 20 }
`;

describe('reading a rule set', () => {
  it('accepts YAML and keeps its version', () => {
    const parsed = parseRuleSet(VALID_YAML);
    expect(parsed.ok && parsed.ruleSet.version).toBe(3);
  });

  it('accepts the same rule set as JSON', () => {
    const json = JSON.stringify({
      version: 1,
      mode: 'shared',
      rules: [{ id: 'base', shares: { rakuten: 60 } }],
    });
    expect(parseRuleSet(json, { format: 'json' }).ok).toBe(true);
    expect(parseRuleSet(json).ok).toBe(true);
  });

  it('names the share that is out of range', () => {
    const text = `
version: 1
mode: shared
rules:
  - id: a
    shares: { amazon: 10 }
  - id: b
    scope: { tags: [x] }
    shares: { amazon: 10 }
  - id: c
    scope: { skus: [A] }
    shares: { rakuten: 1200 }
`;
    expect(refusal(text)).toEqual([
      'rules[2].shares.rakuten: must be a number between 0 and 1000 (percent)',
    ]);
  });

  it('refuses a share given as text or with more than two decimals', () => {
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, shares: { amazon: "30" } }]',
      ),
    ).toEqual([
      'rules[0].shares.amazon: must be a number between 0 and 1000 (percent)',
    ]);
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, shares: { amazon: 12.345 } }]',
      ),
    ).toEqual([
      'rules[0].shares.amazon: must be a number between 0 and 1000 (percent) with at most two decimals',
    ]);
  });

  it('points at a misspelt field instead of ignoring it', () => {
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, shars: { amazon: 30 } }]',
      ),
    ).toEqual(['rules[0].shars: is not a known field; check its spelling']);
  });

  it('refuses a rule that sets nothing', () => {
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, scope: { tags: [x] } }]',
      ),
    ).toEqual([
      'rules[0]: sets nothing; give at least one of mode, safetyStock, shares, priority, ringFences, limits',
    ]);
  });

  it('says which top-level fields are missing', () => {
    expect(refusal('rules: [{ id: a, mode: shared }]')).toEqual([
      'version: is required; must be a whole number of at least 1 (the revision of this rule set)',
      'mode: is required; must be one of shared, partitioned, hybrid',
    ]);
  });

  it('refuses a channel key that is not a channel id', () => {
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, ringFences: { "Rakuten Ichiba": 5 } }]',
      ),
    ).toEqual([
      'rules[0].ringFences["Rakuten Ichiba"]: key must be a channel id like "rakuten" or a channel account like "rakuten/shop-a" (lower-case channel)',
    ]);
  });

  it('refuses negative or fractional units', () => {
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, safetyStock: { all: { units: 1.5 } } }]',
      ),
    ).toEqual([
      'rules[0].safetyStock.all.units: must be a whole number of units, 0 or more (held back)',
    ]);
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, limits: { amazon: { max: -1 } } }]',
      ),
    ).toEqual([
      'rules[0].limits.amazon.max: must be a whole number of units, 0 or more (the listing never shows more)',
    ]);
  });

  it('refuses two rules with one id', () => {
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, mode: shared }, { id: a, scope: { tags: [t] }, mode: hybrid }]',
      ),
    ).toEqual([
      'rules[1].id: "a" is already the id of rules[0]; rule ids must be unique',
    ]);
  });

  it('refuses a minimum above the maximum', () => {
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, limits: { amazon: { min: 30, max: 20 } } }]',
      ),
    ).toEqual(['rules[0].limits.amazon.min: must not exceed max (20)']);
  });

  it('refuses a window that ends before it starts, and a date that does not exist', () => {
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, mode: hybrid, window: { from: 2026-12-04T20:00, to: 2026-12-04T19:00 } }]',
      ),
    ).toEqual([
      'rules[0].window.to: must be later than from (2026-12-04T20:00)',
    ]);
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, mode: hybrid, window: { from: 2026-02-30T20:00 } }]',
      ),
    ).toEqual([
      'rules[0].window.from: must be a date-time like 2026-12-04T20:00 (read in the rule set time zone) or with an offset like 2026-12-04T20:00+09:00',
    ]);
  });

  it('refuses an unknown time zone', () => {
    expect(
      refusal(
        'version: 1\nmode: shared\ntimezone: Asia/Osaka\nrules: [{ id: a, mode: shared }]',
      ),
    ).toEqual(['timezone: must be an IANA time zone such as Asia/Tokyo']);
  });

  it('asks for exactly one kind of scope, amount and low-stock threshold', () => {
    expect(
      refusal(`
version: 1
mode: shared
rules:
  - id: a
    scope: { tags: [x], skus: [A] }
    safetyStock: { all: { units: 1, percent: 5 } }
    priority: { order: [shopify], lowStock: {} }
`),
    ).toEqual([
      'rules[0].scope: must name exactly one of skus, tags, categories (leave scope out to cover every SKU)',
      'rules[0].safetyStock.all: must give exactly one of units, percent',
      'rules[0].priority.lowStock: must give exactly one of belowUnits, belowDaysOfCover',
    ]);
  });

  it('refuses a channel listed twice in a priority order', () => {
    expect(
      refusal(
        'version: 1\nmode: shared\nrules: [{ id: a, priority: { order: [shopify, amazon, shopify], lowStock: { belowUnits: 5 } } }]',
      ),
    ).toEqual(['rules[0].priority.order[2]: "shopify" is listed twice']);
  });

  it('refuses two equally specific rules that could both decide the same setting', () => {
    const text = `
version: 1
mode: shared
rules:
  - id: sale-a
    window: { from: 2026-12-04T20:00, to: 2026-12-06T00:00 }
    shares: { rakuten: 80 }
  - id: sale-b
    window: { from: 2026-12-05T00:00, to: 2026-12-07T00:00 }
    shares: { amazon: 80 }
`;
    expect(refusal(text)).toEqual([
      'rules[1].precedence: ties with rule "sale-a" (rules[0]): both can apply to the same SKU at the same time, are equally specific and both set shares; give one of them a higher precedence',
    ]);
    expect(
      parseRuleSet(
        text.replace(
          'shares: { amazon: 80 }',
          'shares: { amazon: 80 }\n    precedence: 1',
        ),
      ).ok,
    ).toBe(true);
  });

  it('lets equal rules stand when they can never meet', () => {
    const text = `
version: 1
mode: shared
rules:
  - { id: apparel, scope: { categories: [apparel] }, shares: { rakuten: 50 } }
  - { id: food, scope: { categories: [food] }, shares: { rakuten: 70 } }
  - { id: december, window: { from: 2026-12-01T00:00, to: 2027-01-01T00:00 }, limits: { amazon: { max: 5 } } }
  - { id: january, window: { from: 2027-01-01T00:00 }, limits: { amazon: { max: 9 } } }
`;
    expect(parseRuleSet(text).ok).toBe(true);
  });

  it('reports broken YAML with its line', () => {
    expect(
      refusal(
        'version: 1\nmode: shared\nrules:\n  - id: a\n    shares: { rakuten: 60\n',
      )[0],
    ).toMatch(/^\(rule set\): is not valid YAML at line \d+, column \d+: /);
  });

  it('refuses an alias bomb as YAML it will not read', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcde'[i]}`).join(', ')}]`), 'version: 1'].join('\n');
    expect(refusal(bomb)[0]).toMatch(/^\(rule set\): is not valid YAML: .*alias/);
  });

  it('reports broken JSON', () => {
    const parsed = parseRuleSet('{"version": 1,', { format: 'json' });
    expect(parsed.ok ? [] : parsed.issues.map(describeIssue)[0]).toMatch(
      /^\(rule set\): is not valid JSON/,
    );
  });

  it('validates decoded values, for request bodies', () => {
    const parsed = validateRuleSet({
      version: 0,
      mode: 'shared',
      rules: [{ id: 'a', mode: 'shared' }],
    });
    expect(parsed.ok ? [] : parsed.issues.map(describeIssue)).toEqual([
      'version: must be a whole number of at least 1 (the revision of this rule set)',
    ]);
  });

  it('refuses to compile an invalid rule set, carrying the issues', () => {
    const invalid = {
      version: 1,
      mode: 'shared',
      rules: [{ id: 'a', shares: { amazon: -1 } }],
    } as unknown as Parameters<typeof compileRuleSet>[0];
    expect(() => compileRuleSet(invalid)).toThrow(InvalidRuleSetError);
    expect(() => compileRuleSet(invalid)).toThrow(
      'rules[0].shares.amazon: must be a number between 0 and 1000 (percent)',
    );
  });
});

describe('the published JSON Schema', () => {
  it('describes the rule set fields with their bounds', () => {
    const schema = ruleSetJsonSchema() as {
      required: string[];
      properties: { rules: { items: { properties: Record<string, unknown> } } };
    };
    expect(schema.required).toEqual(
      expect.arrayContaining(['version', 'mode', 'rules']),
    );
    expect(Object.keys(schema.properties.rules.items.properties)).toEqual(
      expect.arrayContaining([
        'id',
        'scope',
        'window',
        'shares',
        'priority',
        'ringFences',
        'limits',
        'safetyStock',
        'mode',
        'precedence',
      ]),
    );
    expect(
      JSON.stringify(schema.properties.rules.items.properties['shares']),
    ).toContain('"maximum":1000');
  });
});
