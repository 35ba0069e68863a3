import { buildPromotionShape, buildRegularShape, DEFAULT_INTRADAY_PROFILE, tokyoDayStarts } from './time-shape.builder';
import { pushStartAfter } from './sync-schedule';

const DAY = 86_400_000;
const FROM = Date.parse('2026-12-04T00:00:00+09:00');

describe('time shapes', () => {
  it('gives a regular full day a mass of 1 and a partial day its share of the profile', () => {
    const starts = tokyoDayStarts(FROM, FROM + 2 * DAY);
    expect(starts).toEqual([FROM, FROM + DAY]);
    const full = buildRegularShape(starts, FROM, FROM + 2 * DAY, DEFAULT_INTRADAY_PROFILE);
    expect(full.massByDay[0]).toBeCloseTo(1, 10);
    const evening = buildRegularShape(starts, FROM + 20 * 3_600_000, FROM + 2 * DAY, DEFAULT_INTRADAY_PROFILE);
    // 20:00–24:00 is the evening peak: a sixth of the hours, more than a sixth of the demand.
    expect(evening.massByDay[0]).toBeGreaterThan(4 / 24);
  });

  it('front-loads a promotion with its spike while keeping its average uplift', () => {
    const starts = tokyoDayStarts(FROM, FROM + DAY);
    const flat = Array.from({ length: 24 }, () => 1);
    const promotion = { from: FROM + 8 * 3_600_000, to: FROM + 12 * 3_600_000, spikeFactor: 6, spikeDecayMs: 20 * 60_000 };
    const shape = buildPromotionShape(starts, FROM, FROM + DAY, flat, promotion);
    // Mass = hours / 24 × mean multiplier 1 (within slot rounding).
    expect(shape.massByDay[0]).toBeCloseTo(4 / 24, 2);
    const cumulative = shape.cumulativeByDay[0];
    const slotOf = (ms: number) => Math.floor(ms / (5 * 60_000));
    const firstHalfHour = cumulative[slotOf(8.5 * 3_600_000) - 1] - cumulative[slotOf(8 * 3_600_000) - 1];
    const lastHalfHour = cumulative[slotOf(12 * 3_600_000) - 1] - cumulative[slotOf(11.5 * 3_600_000) - 1];
    expect(firstHalfHour).toBeGreaterThan(3 * lastHalfHour);
  });
});

describe('pushStartAfter', () => {
  it('pushes at once when event-driven, at the next tick of the interval otherwise', () => {
    expect(pushStartAfter({ mode: 'event-driven' }, FROM + 123, FROM)).toBe(FROM + 123);
    expect(pushStartAfter({ mode: 'interval', minutes: 5 }, FROM + 60_000, FROM)).toBe(FROM + 300_000);
    expect(pushStartAfter({ mode: 'interval', minutes: 15 }, FROM + 900_000, FROM)).toBe(FROM + 900_000);
  });
});
