import type { SyncSpec } from '../input/plan.schema';

/**
 * When a push that became necessary at `time` starts: at once for event-driven sync, at the next
 * tick of the clock for interval sync (ticks counted from the window's start, as a scheduler would).
 */
export function pushStartAfter(spec: SyncSpec, time: number, origin: number): number {
  if (spec.mode === 'event-driven') return time;
  const interval = spec.minutes * 60_000;
  return origin + Math.ceil((time - origin) / interval) * interval;
}
