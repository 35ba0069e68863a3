import type { FaultInjector, RequestLog, SandboxOrder, SandboxStock } from '@urikiri/connector-sdk/testing';
import { DEMO_PRODUCTS } from '../demo-catalogue';
import type { DemoAccount, DemoChannelId } from '../demo-channel-ids';

/** One channel of the demo: a sandbox with the demo's listings, reachable on a fixed loopback port. */
export interface DemoSandbox {
  readonly channel: DemoChannelId;
  readonly account: DemoAccount;
  /** The fixed URL in front of the sandbox: the account's base URL. */
  readonly url: string;
  readonly stock: SandboxStock;
  /** What goes wrong on the channel's API: rate limits, errors, timeouts, outages (load and fault runs). */
  readonly faults: FaultInjector;
  /** Every call the channel's API received, with its operation, status and the fault it met (fault runs count them). */
  readonly requests: RequestLog;
  /** Tells urikiri about its orders itself; the others wait for urikiri's next poll. */
  readonly sendsOrderWebhooks: boolean;
  /** What the account is configured with, in the connector's credential fields. */
  credentials(): Record<string, string>;
  /** A buyer orders `quantity` units of one listing; the channel lowers its own stock at once. */
  placeOrder(listingId: string, quantity: number): SandboxOrder;
  close(): Promise<void>;
}

export interface DemoSandboxOptions {
  /** The fixed loopback port; 0 picks a free one (tests). */
  port: number;
  /** Where the channel's order webhooks go (the demo's relay to the service); null sends none. */
  webhookUrl: string | null;
  /** Added before every answer, as a real channel's round trip (none in the demo). */
  latencyMs?: number;
  /** Puts the channel's items on the sandbox; the demo catalogue by default. */
  list?: (stock: SandboxStock, channel: DemoChannelId) => void;
}

/** Lists what `options` asks for on a freshly created sandbox. */
export function listProducts(options: DemoSandboxOptions, stock: SandboxStock, channel: DemoChannelId): void {
  (options.list ?? listDemoProducts)(stock, channel);
}

/**
 * Puts every demo product on the channel under the channel's own id, at 0 units: what a shop has
 * before urikiri publishes, and what an in-memory sandbox has again after a restart (the service's
 * reconciliation then finds the difference and pushes the right quantities back).
 */
export function listDemoProducts(stock: SandboxStock, channel: DemoChannelId): void {
  for (const product of DEMO_PRODUCTS) {
    stock.upsertListing({ listingId: product.listings[channel], sellerSku: product.code, jan: product.jan, title: product.name, quantity: 0 });
  }
}

/** The port of a sandbox's own URL (`http://127.0.0.1:<port>`). */
export function portOf(url: string): number {
  return Number(new URL(url).port);
}
