import { SandboxOrderError } from '@urikiri/connector-sdk/testing';
import { DEMO_CHANNEL_IDS, type DemoChannelId } from '../demo/demo-channel-ids';
import type { DemoSandboxes } from '../demo/sandboxes/demo-sandboxes';
import type { Arrival } from './arrivals';
import type { LoadProduct } from './load-catalogue';
import { summarize, type LatencySummary } from './percentiles';
import type { RuleTargets } from './rule-targets';

export interface ChannelTally {
  ordersAccepted: number;
  /** Buyers who found the item sold out (or short) on the channel. */
  ordersRefused: number;
  unitsSold: number;
  /** Units this channel sold that the true stock no longer had. */
  oversoldUnits: number;
  /** Refused buyers whom the rules, applied to the true stock at that moment, would have served. */
  falseStockoutOrders: number;
  falseStockoutUnits: number;
  /** Listing-time during which the channel showed 0 while the rules on the true stock said more. */
  falseStockoutMs: number;
}

/** An order a channel took: where, for what, when (wall clock). */
export interface PlacedOrder {
  orderId: string;
  channel: DemoChannelId;
  sku: string;
  quantity: number;
  atMs: number;
}

const emptyTally = (): ChannelTally => ({ ordersAccepted: 0, ordersRefused: 0, unitsSold: 0, oversoldUnits: 0, falseStockoutOrders: 0, falseStockoutUnits: 0, falseStockoutMs: 0 });

/**
 * One set of channels in a flash sale and the truth about it: the sandboxes buyers order from, the
 * units really sold per SKU (whatever any ledger knows), and what each channel would show if the rules
 * were applied to that truth at every instant. The yardstick for oversells, false stock-outs and lag.
 */
export class SaleWorld {
  readonly tallies = Object.fromEntries(DEMO_CHANNEL_IDS.map((c) => [c, emptyTally()])) as Record<DemoChannelId, ChannelTally>;
  readonly orders: PlacedOrder[] = [];
  private readonly sold = new Map<string, number>();
  /** `<channel> <sku>` → when the listing started to differ from what the rules on the truth say. */
  private readonly outOfLineSince = new Map<string, number>();
  private readonly lags: Record<DemoChannelId, number[]> = { amazon: [], rakuten: [], shopify: [], yahoo: [] };

  constructor(
    readonly name: string,
    readonly sandboxes: DemoSandboxes,
    readonly products: readonly LoadProduct[],
    private readonly targets: RuleTargets,
    private readonly clock: () => number = Date.now,
  ) {}

  available(product: LoadProduct): number {
    return product.stock - (this.sold.get(product.code) ?? 0);
  }

  /** What the rules, applied to the true stock now, say this channel should show. */
  ideal(product: LoadProduct, channel: DemoChannelId): number {
    return this.targets.of(product, this.available(product))[channel];
  }

  shows(product: LoadProduct, channel: DemoChannelId): number {
    return this.sandboxes.get(channel).stock.quantity(product.listings[channel]);
  }

  /** A buyer arrives: the channel sells if it shows enough, as the real channel would. */
  offer(arrival: Arrival): void {
    const { channel, product, quantity } = arrival;
    const tally = this.tallies[channel];
    const ideal = this.ideal(product, channel);
    const available = this.available(product);
    try {
      const order = this.sandboxes.get(channel).placeOrder(product.listings[channel], quantity);
      tally.ordersAccepted += 1;
      tally.oversoldUnits += Math.max(0, quantity - Math.max(0, available));
      tally.unitsSold += quantity;
      this.sold.set(product.code, (this.sold.get(product.code) ?? 0) + quantity);
      this.orders.push({ orderId: order.orderId, channel, sku: product.code, quantity, atMs: this.clock() });
    } catch (error) {
      if (!(error instanceof SandboxOrderError)) throw error;
      tally.ordersRefused += 1;
      if (ideal >= quantity) {
        tally.falseStockoutOrders += 1;
        tally.falseStockoutUnits += quantity;
      }
    }
  }

  /**
   * Looks at every listing once: adds `stepMs` of false stock-out where the channel shows 0 and the
   * rules on the truth say more, and closes or opens the listing's out-of-line episode.
   */
  sample(stepMs: number): void {
    const now = this.clock();
    for (const product of this.products) {
      const ideal = this.targets.of(product, this.available(product));
      for (const channel of DEMO_CHANNEL_IDS) {
        const shows = this.shows(product, channel);
        if (shows === 0 && ideal[channel] > 0) this.tallies[channel].falseStockoutMs += stepMs;
        const key = `${channel} ${product.code}`;
        const since = this.outOfLineSince.get(key);
        if (shows !== ideal[channel] && since === undefined) this.outOfLineSince.set(key, now);
        if (shows === ideal[channel] && since !== undefined) {
          this.lags[channel].push(now - since);
          this.outOfLineSince.delete(key);
        }
      }
    }
  }

  /** How long each channel's listings stayed out of line with the truth, episode by episode. */
  lag(channel: DemoChannelId): LatencySummary {
    return summarize(this.lags[channel]);
  }

  /** The same over every channel together. */
  lagOverall(): LatencySummary {
    return summarize(DEMO_CHANNEL_IDS.flatMap((c) => this.lags[c]));
  }

  /** Units sold beyond the stock, over all SKUs. */
  oversoldUnits(): number {
    return this.products.reduce((sum, p) => sum + Math.max(0, -this.available(p)), 0);
  }

  /** Listings that show something else than the rules on the truth say, now. */
  outOfLine(): Array<{ channel: DemoChannelId; sku: string; shows: number; should: number }> {
    const out: Array<{ channel: DemoChannelId; sku: string; shows: number; should: number }> = [];
    for (const product of this.products) {
      for (const channel of DEMO_CHANNEL_IDS) {
        const shows = this.shows(product, channel);
        const should = this.ideal(product, channel);
        if (shows !== should) out.push({ channel, sku: product.code, shows, should });
      }
    }
    return out;
  }
}
