import { LeakyBucket, TokenBucket, type RateLimit } from '@urikiri/connector-sdk';
import { percentile } from './percentiles';

/** A listing's target changed at `atMs`: from then on the channel owes a push. */
export interface TargetChange {
  listing: string;
  atMs: number;
}

export interface ChannelPushLimits {
  /** The channel's own limit on its push call. */
  rateLimit: RateLimit;
  /** Listings per push call. */
  bulk: number;
  /** One call's round trip. */
  latencyMs: number;
}

/**
 * The push latency an ideal scheduler reaches on one channel for the same target changes, limits and
 * round trip: it knows every change the instant it is committed, calls the moment the channel's
 * limit allows, never wastes a call, sends the longest-waiting listings first (up to the bulk size),
 * and coalesces changes of a listing still waiting. A push's latency is measured as urikiri measures
 * its own: from the oldest change it carries to the channel's answer. Returns every push's latency.
 */
export function idealPushLatencies(changes: readonly TargetChange[], limits: ChannelPushLimits): number[] {
  const sorted = [...changes].sort((a, b) => a.atMs - b.atMs);
  if (sorted.length === 0) return [];
  let now = sorted[0].atMs;
  const gate = limiterAt(limits.rateLimit, () => now);
  const waiting = new Map<string, number>(); // listing → its oldest change not yet sent
  const latencies: number[] = [];
  let next = 0;
  const admitUpTo = (t: number) => {
    while (next < sorted.length && sorted[next].atMs <= t) {
      const change = sorted[next++];
      if (!waiting.has(change.listing)) waiting.set(change.listing, change.atMs);
    }
  };
  while (next < sorted.length || waiting.size > 0) {
    if (waiting.size === 0) now = Math.max(now, sorted[next].atMs);
    admitUpTo(now);
    const wait = gate.msUntilAvailable();
    if (wait > 0) {
      now += wait;
      admitUpTo(now);
    }
    if (!gate.tryTake()) {
      now += 1;
      continue;
    }
    // Oldest first; Map keeps insertion order, which is the order of each listing's oldest change.
    const batch = [...waiting.entries()].slice(0, limits.bulk);
    for (const [listing, since] of batch) {
      waiting.delete(listing);
      latencies.push(now + limits.latencyMs - since);
    }
  }
  return latencies;
}

export function idealPushP99(changes: readonly TargetChange[], limits: ChannelPushLimits): number | null {
  const p99 = percentile(idealPushLatencies(changes, limits), 99);
  return p99 === null ? null : Math.round(p99);
}

interface Gate {
  tryTake(): boolean;
  msUntilAvailable(): number;
}

function limiterAt(limit: RateLimit, clock: () => number): Gate {
  if (limit.kind === 'token-bucket') {
    const bucket = new TokenBucket({ ratePerSecond: limit.ratePerSecond, burst: limit.burst, clock });
    return { tryTake: () => bucket.tryTake(), msUntilAvailable: () => bucket.msUntilAvailable() };
  }
  const bucket = new LeakyBucket({ capacity: limit.capacity, leakPerSecond: limit.leakPerSecond, clock });
  return { tryTake: () => bucket.tryAdd(limit.costPerCall), msUntilAvailable: () => bucket.msUntilAvailable(limit.costPerCall) };
}
