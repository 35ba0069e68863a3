import { compileRuleSet } from './compiled-rule-set';
import { nextWindowBoundary } from './next-window-boundary';

describe('nextWindowBoundary', () => {
  const ruleSet = compileRuleSet({
    version: 1,
    mode: 'shared',
    timezone: 'Asia/Tokyo',
    rules: [
      { id: 'base', mode: 'shared' },
      { id: 'super-sale', window: { from: '2026-12-04T20:00', to: '2026-12-11T02:00' }, ringFences: { rakuten: 30 } },
    ],
  } as never);
  const at = (iso: string) => Date.parse(iso);

  it('is the opening of a window that has not started', () => {
    expect(nextWindowBoundary(ruleSet, at('2026-12-04T10:00:00Z'))).toBe(at('2026-12-04T11:00:00Z'));
  });

  it('is the closing of the window in force, strictly after now', () => {
    expect(nextWindowBoundary(ruleSet, at('2026-12-04T11:00:00Z'))).toBe(at('2026-12-10T17:00:00Z'));
  });

  it('is null once every window has closed, and for rules without windows', () => {
    expect(nextWindowBoundary(ruleSet, at('2026-12-10T17:00:00Z'))).toBeNull();
    expect(nextWindowBoundary(compileRuleSet({ version: 1, mode: 'shared', rules: [{ id: 'all', mode: 'shared' }] } as never), 0)).toBeNull();
  });
});
