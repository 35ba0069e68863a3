/**
 * A small, fast, seedable pseudo-random generator (sfc32) and a way to derive independent streams
 * from a seed and a path of integers. Streams are keyed by what they drive (run, SKU, channel), not
 * by the order they are drawn in, so every policy compared in one run sees the very same demand
 * (common random numbers) and a report never depends on evaluation order.
 */
export interface RandomSource {
  /** Uniform in [0, 1). */
  next(): number;
}

class Sfc32 implements RandomSource {
  constructor(
    private a: number,
    private b: number,
    private c: number,
    private d: number,
  ) {
    // The first outputs of sfc32 still echo the seed words; discarding a few mixes them away.
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
}

/** 32-bit integer hash (lowbias32): spreads neighbouring keys to unrelated seed words. */
function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The stream for `seed` and a key path such as [run, skuIndex, channelIndex, purpose]. */
export function randomStream(
  seed: number,
  ...path: readonly number[]
): RandomSource {
  let h = mix32(seed ^ 0x9e3779b9);
  for (const part of path) h = mix32(h ^ mix32(part + 0x632be5ab));
  return new Sfc32(h, mix32(h ^ 0x85ebca6b), mix32(h ^ 0xc2b2ae35), 1);
}
