import { lineOfPath } from '../src/issue-lines.js';
import { toYaml } from '../src/yaml-emit.js';

const RULE_SET = {
  version: 12,
  mode: 'partitioned',
  rules: [
    { id: 'everyday-split', shares: { rakuten: 60, amazon: 30 }, safetyStock: { all: { percent: 5 } } },
    { id: 'super-sale', window: { from: '2026-12-04T20:00', to: '2026-12-11T02:00' }, scope: { tags: ['super-sale', 'yes'] }, ringFences: { 'rakuten/shop-b': 20 } },
  ],
};

describe('rule set text', () => {
  it('is shown as block YAML, quoting what YAML would read otherwise', () => {
    expect(toYaml(RULE_SET)).toBe(
      [
        'version: 12',
        'mode: partitioned',
        'rules:',
        '  - id: everyday-split',
        '    shares:',
        '      rakuten: 60',
        '      amazon: 30',
        '    safetyStock:',
        '      all:',
        '        percent: 5',
        '  - id: super-sale',
        '    window:',
        '      from: "2026-12-04T20:00"',
        '      to: "2026-12-11T02:00"',
        '    scope:',
        '      tags:',
        '        - super-sale',
        '        - "yes"',
        '    ringFences:',
        '      rakuten/shop-b: 20',
        '',
      ].join('\n'),
    );
    expect(toYaml({ rules: [] })).toBe('rules: []\n');
  });

  it('points an issue at the line of its path, in YAML and in JSON', () => {
    const yaml = toYaml(RULE_SET);
    expect(lineOfPath(yaml, 'rules[1].ringFences')).toBe(19);
    expect(lineOfPath(yaml, 'rules[0].shares.amazon')).toBe(7);
    expect(lineOfPath(yaml, 'mode')).toBe(2);
    expect(lineOfPath(yaml, 'nothing.here')).toBeNull();
    const json = JSON.stringify(RULE_SET, null, 2);
    const line = lineOfPath(json, 'rules[1].window.to');
    expect(json.split('\n')[(line ?? 0) - 1]).toContain('"to": "2026-12-11T02:00"');
  });
});
