import type { Clock } from '@urikiri/connector-sdk';
import type { ShopifyCost } from './shopify-wire.types';

/**
 * Paces calls by Shopify's own account of the cost bucket. Every answer carries
 * `extensions.cost.throttleStatus`; from the last one and its restore rate we know how full the
 * bucket is now, and a call waits until the points it is expected to cost (what the same document
 * asked for last time) are there. The bucket is shared by every call of the app on the shop, so one
 * throttle serves all operations of an account.
 */
export class ShopifyCostThrottle {
  private status: { available: number; maximum: number; restorePerMs: number; at: number } | null = null;
  private readonly expectedCost = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** Points available now, as far as the last answer tells; null before the first answer. */
  available(): number | null {
    if (this.status === null) {
      return null;
    }
    const s = this.status;
    return Math.min(s.maximum, s.available + Math.max(0, this.clock() - s.at) * s.restorePerMs);
  }

  /** Milliseconds to wait before a call costing `cost` fits; 0 when it fits now or nothing is known. */
  msUntilFits(cost: number): number {
    const available = this.available();
    if (available === null || this.status === null || available >= cost) {
      return 0;
    }
    return Math.ceil((Math.min(cost, this.status.maximum) - available) / this.status.restorePerMs);
  }

  /** Milliseconds before the next call of a GraphQL document should leave. */
  msBefore(document: string): number {
    return this.msUntilFits(this.expectedCost.get(document) ?? 0);
  }

  /**
   * Counted from the moment the answer arrived: Shopify measured the bucket a little earlier, so
   * this errs on the side of waiting slightly too long, never of being throttled.
   */
  observe(document: string, cost: ShopifyCost): void {
    const t = cost.throttleStatus;
    this.status = {
      available: t.currentlyAvailable,
      maximum: t.maximumAvailable,
      restorePerMs: t.restoreRate / 1000,
      at: this.clock(),
    };
    this.expectedCost.set(document, cost.requestedQueryCost);
  }
}
