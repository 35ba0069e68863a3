import { SandboxOrderError } from '@urikiri/connector-sdk/testing';
import type { ServiceApi } from '../../service-api/service-api';
import { demoProduct } from '../demo-catalogue';
import { DEMO_CHANNEL_IDS, isDemoChannelId } from '../demo-channel-ids';
import type { DemoSandboxes } from '../sandboxes/demo-sandboxes';

export interface OrderRequest {
  channel: string;
  sku: string;
  quantity: number;
}

export interface PlacedOrder {
  channel: string;
  account: string;
  orderId: string;
  listingId: string;
  sku: string;
  name: string;
  quantity: number;
  /** What the channel showed before the sale and right after it (the channel lowers its own stock). */
  before: number;
  after: number;
  /** How the service hears of it: the channel's webhook, or a poll asked for at once. */
  deliveredBy: 'webhook' | 'poll';
  at: string;
}

/** A request the demo cannot carry out, with what is accepted. */
export class OrderRequestError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409,
  ) {
    super(message);
    this.name = 'OrderRequestError';
  }
}

/**
 * A buyer's order on one channel, placed on its sandbox: the channel lowers its own stock at once,
 * as the real one does, and only then tells urikiri (webhook) or waits to be asked (polling). For
 * the polling channels the demo asks the service to poll now rather than at its next interval, so a
 * sale shows its effect at once; with real Rakuten or Yahoo! it arrives at the next poll.
 */
export async function placeOrder(sandboxes: DemoSandboxes, api: ServiceApi | null, request: OrderRequest): Promise<PlacedOrder> {
  if (!isDemoChannelId(request.channel)) throw new OrderRequestError(`channel must be one of ${DEMO_CHANNEL_IDS.join(', ')}; got "${request.channel}"`, 400);
  const product = demoProduct(request.sku);
  if (!product) throw new OrderRequestError(`"${request.sku}" is not a demo SKU or bundle; \`npm run demo -- status\` lists them`, 400);
  if (!Number.isInteger(request.quantity) || request.quantity < 1) throw new OrderRequestError(`quantity must be a whole number of at least 1; got ${request.quantity}`, 400);
  const sandbox = sandboxes.get(request.channel);
  const listingId = product.listings[sandbox.channel];
  const before = sandbox.stock.quantity(listingId);
  let orderId: string;
  try {
    orderId = sandbox.placeOrder(listingId, request.quantity).orderId;
  } catch (error) {
    if (error instanceof SandboxOrderError) throw new OrderRequestError(`${sandbox.channel} refused the order: ${error.message}`, 409);
    throw error;
  }
  if (!sandbox.sendsOrderWebhooks && api) await api.post(`/channels/accounts/${sandbox.account.id}/orders/poll`);
  return {
    channel: sandbox.channel,
    account: sandbox.account.id,
    orderId,
    listingId,
    sku: product.code,
    name: product.name,
    quantity: request.quantity,
    before,
    after: sandbox.stock.quantity(listingId),
    deliveredBy: sandbox.sendsOrderWebhooks ? 'webhook' : 'poll',
    at: new Date().toISOString(),
  };
}
