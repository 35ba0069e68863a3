/**
 * mulberry32: a tiny seeded generator. Every random choice of a sandbox (latency jitter, random
 * faults, tokens) comes from one seed, so a failing test or a replayed flash sale happens again
 * exactly the same way.
 */
export class SeededRandom {
  private state: number;

  constructor(seed = 1) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A hex string of `length` characters, for tokens and ids. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      out += this.int(0, 15).toString(16);
    }
    return out;
  }
}
