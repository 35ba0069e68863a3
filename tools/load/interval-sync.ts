import type { ChannelConnector, ConnectorClass, PushItem } from '@urikiri/connector-sdk';
import { connectors as amazon } from '@urikiri/connector-amazon';
import { connectors as rakuten } from '@urikiri/connector-rakuten';
import { connectors as shopify } from '@urikiri/connector-shopify';
import { connectors as yahoo } from '@urikiri/connector-yahoo';
import { DEMO_CHANNEL_IDS, type DemoChannelId } from '../demo/demo-channel-ids';
import type { DemoSandboxes } from '../demo/sandboxes/demo-sandboxes';
import type { LoadProduct } from './load-catalogue';
import type { RuleTargets } from './rule-targets';

const MAX_PAGES_PER_CYCLE = 20;

const CONNECTOR_CLASSES: Record<DemoChannelId, ConnectorClass> = {
  amazon: amazon[0] as ConnectorClass,
  rakuten: rakuten[0] as ConnectorClass,
  shopify: shopify[0] as ConnectorClass,
  yahoo: yahoo[0] as ConnectorClass,
};

/**
 * How typical multi-channel tools keep stock: every `intervalMs` they download each channel's new
 * orders, lower their own stock figure, apply the same rules, and overwrite every channel's quantity
 * that changed with an absolute value. Same connectors, same channel limits, same rule engine as
 * urikiri — only the timing and the blind overwrite differ. What a channel sold between the download
 * and the overwrite is lost from its display: the write race urikiri guards against.
 */
export class IntervalSync {
  private readonly connectors: Record<DemoChannelId, ChannelConnector>;
  private readonly cursors = new Map<DemoChannelId, string | null>();
  private readonly seenSold = new Map<string, number>();
  private readonly pushed = new Map<string, number>();
  private readonly skuOfListing = new Map<string, LoadProduct>();
  private version = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<void> | null = null;
  cycles = 0;
  /** Channel downloads or overwrites that failed and were left to the next cycle. */
  failures = 0;

  constructor(
    private readonly sandboxes: DemoSandboxes,
    private readonly products: readonly LoadProduct[],
    private readonly targets: RuleTargets,
    readonly intervalMs: number,
  ) {
    this.connectors = Object.fromEntries(
      DEMO_CHANNEL_IDS.map((c) => [c, new CONNECTOR_CLASSES[c]({ credentials: sandboxes.get(c).credentials(), baseUrl: sandboxes.get(c).url })]),
    ) as Record<DemoChannelId, ChannelConnector>;
    for (const p of products) for (const c of DEMO_CHANNEL_IDS) this.skuOfListing.set(`${c} ${p.listings[c]}`, p);
  }

  /** The first full sync (skipping orders placed before now), then one every interval. */
  async start(): Promise<void> {
    for (const channel of DEMO_CHANNEL_IDS) this.cursors.set(channel, await this.skipPastOrders(channel));
    await this.cycle();
    this.timer = setInterval(() => {
      this.running ??= this.cycle().finally(() => (this.running = null));
    }, this.intervalMs);
  }

  /**
   * No cycle starts after this. One under way is not awaited: a slow channel can keep it paging for
   * minutes, and what it still sends once the run's sandboxes close fails and is let go.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.stopped = true;
  }

  /**
   * One sync: every channel's new orders, then every channel's changed quantities. A channel that
   * fails (a timeout, a limit) is skipped until the next cycle, as such tools do; the others go on.
   */
  private async cycle(): Promise<void> {
    const downloads = await Promise.allSettled(DEMO_CHANNEL_IDS.map((channel) => this.downloadOrders(channel)));
    const writes = await Promise.allSettled(DEMO_CHANNEL_IDS.map((channel) => this.overwrite(channel)));
    this.failures += [...downloads, ...writes].filter((r) => r.status === 'rejected').length;
    this.cycles += 1;
  }

  private async skipPastOrders(channel: DemoChannelId): Promise<string | null> {
    let cursor: string | null = null;
    for (;;) {
      const page = await this.connectors[channel].fetchOrders(cursor);
      cursor = page.nextCursor;
      if (!page.hasMore) return cursor;
    }
  }

  /** At most MAX_PAGES_PER_CYCLE pages a cycle: a channel that pages slowly (Amazon: one a minute after a burst) catches up over cycles. */
  private async downloadOrders(channel: DemoChannelId): Promise<void> {
    let cursor = this.cursors.get(channel) ?? null;
    for (let pages = 0; pages < MAX_PAGES_PER_CYCLE && !this.stopped; pages++) {
      const page = await this.connectors[channel].fetchOrders(cursor);
      for (const event of page.events) {
        if (event.status !== 'created') continue;
        const product = this.skuOfListing.get(`${channel} ${event.listingId}`);
        if (product) this.seenSold.set(product.code, (this.seenSold.get(product.code) ?? 0) + event.quantity);
      }
      cursor = page.nextCursor;
      this.cursors.set(channel, cursor);
      if (!page.hasMore) return;
    }
  }

  private async overwrite(channel: DemoChannelId): Promise<void> {
    const connector = this.connectors[channel];
    const items: PushItem[] = [];
    for (const product of this.products) {
      const target = this.targets.of(product, product.stock - (this.seenSold.get(product.code) ?? 0))[channel];
      const key = `${channel} ${product.code}`;
      if (this.pushed.get(key) === target) continue;
      // An absolute write: whatever the channel shows is replaced, its own recent sales included.
      items.push({ listingId: product.listings[channel], target, lastPublished: null, version: ++this.version });
    }
    for (let i = 0; i < items.length; i += connector.manifest.bulk.push) {
      const batch = items.slice(i, i + connector.manifest.bulk.push);
      const results = await connector.push(batch);
      for (const [j, result] of results.entries()) {
        if (result.status !== 'ok') continue;
        const product = this.skuOfListing.get(`${channel} ${batch[j].listingId}`) as LoadProduct;
        this.pushed.set(`${channel} ${product.code}`, batch[j].target);
      }
    }
  }
}
