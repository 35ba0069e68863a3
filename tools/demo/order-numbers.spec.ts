import { OrderNumbers } from './order-numbers';

describe('order numbers of the demo sandboxes', () => {
  it('never repeat, even when the clock stands still or goes back', () => {
    let now = 1_795_000_000_000;
    const numbers = new OrderNumbers(() => now);
    const seen = [numbers.next(), numbers.next()];
    now -= 5_000;
    seen.push(numbers.next());
    expect(seen).toEqual([1_795_000_000_000, 1_795_000_000_001, 1_795_000_000_002]);
  });

  it('are new after a restart: a new process starts from the clock, past the numbers of the last one', () => {
    const before = new OrderNumbers(() => 1_795_000_000_000);
    const last = [before.next(), before.next(), before.next()].at(-1) as number;
    const after = new OrderNumbers(() => 1_795_000_060_000);
    expect(after.next()).toBeGreaterThan(last);
  });

  it('take each channel\'s form', () => {
    const numbers = new OrderNumbers(() => 1_795_826_104_709);
    expect(numbers.amazon()).toBe('503-0179582-6104709');
    expect(numbers.rakuten('385912')).toBe('385912-20261128-5826104710');
    expect(numbers.yahoo('urikiri-store')).toBe('urikiri-store-1795826104711');
  });
});
