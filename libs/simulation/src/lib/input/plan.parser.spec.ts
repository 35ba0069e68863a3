import { compileRuleSet } from '@urikiri/allocation';
import { parsePlan } from './plan.parser';

const PLAN = `
window: { from: 2026-12-04T20:00, to: 2026-12-05T02:00 }
promotions:
  - { id: flash, channels: [rakuten], kind: mall-wide-sale, from: 2026-12-04T20:00, to: 2026-12-05T02:00 }
channels:
  rakuten: { reservesAt: cart }
  amazon: {}
policies:
  - name: event
    sync: { mode: event-driven }
    rules: { version: 1, mode: shared, rules: [{ id: all, shares: { rakuten: 100, amazon: 100 } }] }
`;

describe('parsePlan', () => {
  it('refuses a plan nested thousands of levels deep before parsing it', () => {
    const result = parsePlan('['.repeat(5000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toEqual({ path: '(plan)', reason: expect.stringContaining('nested deeper than 100 levels') });
  });

  it('reads a plan, fills the defaults and validates the rule sets with libs/allocation', () => {
    const parsed = parsePlan(PLAN);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { plan } = parsed;
    expect(plan.window.from).toBe(Date.parse('2026-12-04T11:00:00Z'));
    expect(plan).toMatchObject({ seed: 1, runs: 200, costs: { oversellUnit: 3000, lostUnit: 1000, leftoverUnit: 100 } });
    expect(plan.channels.rakuten).toMatchObject({ reservesAt: 'cart', cartHoldMinutes: 30, checkoutRate: 1 });
    expect(plan.channels.amazon.reservesAt).toBe('order');
    expect(() => compileRuleSet(plan.policies[0].rules)).not.toThrow();
  });

  it('names the path of every problem, inside rule sets too', () => {
    const parsed = parsePlan(
      PLAN.replace('kind: mall-wide-sale', 'kind: flash')
        .replace('{ mode: event-driven }', '{ mode: interval, minutes: 0 }')
        .replace('shares: { rakuten: 100', 'shars: { rakuten: 100')
        .replace('amazon: {}', 'amazon: { importDelay: 3 }'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const paths = parsed.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'promotions[0].kind',
        'channels.amazon.importDelay',
        'policies[0].sync.minutes',
      ]),
    );
  });

  it('reports rule-set problems under the policy that holds them', () => {
    const parsed = parsePlan(PLAN.replace('shares: { rakuten: 100', 'shars: { rakuten: 100'));
    expect(parsed).toEqual({
      ok: false,
      issues: [{ path: 'policies[0].rules.rules[0].shars', reason: 'is not a known field; check its spelling' }],
    });
  });

  it('refuses promotions on channels the plan does not describe, and duplicate policy names', () => {
    const parsed = parsePlan(
      PLAN.replace('channels: [rakuten]', 'channels: [qoo10]').replace(
        'policies:\n',
        'policies:\n  - { name: event, sync: { mode: event-driven }, rules: { version: 1, mode: shared, rules: [{ id: a, shares: { rakuten: 1 } }] } }\n',
      ),
    );
    expect(parsed).toMatchObject({
      ok: false,
      issues: [
        { path: 'policies[1].name' },
        { path: 'promotions[0].channels[0]', reason: expect.stringContaining('rakuten, amazon') },
      ],
    });
  });

  it('explains YAML syntax errors', () => {
    expect(parsePlan('window: [')).toMatchObject({ ok: false, issues: [{ path: '(plan)' }] });
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcde'[i]}`).join(', ')}]`)].join('\n');
    expect(parsePlan(bomb)).toMatchObject({ ok: false, issues: [{ path: '(plan)', reason: expect.stringMatching(/alias/) }] });
  });
});
