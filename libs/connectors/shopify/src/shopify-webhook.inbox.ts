import {
  ConnectorError,
  WebhookRejectedError,
  deliveryEvents,
  headerValue,
  type OrderEvent,
  type RawWebhookRequest,
  type WebhookDelivery,
} from '@urikiri/connector-sdk';
import { SHOPIFY_WEBHOOK_HEADERS } from './shopify-api.constants';
import type { ShopifyConnector } from './shopify.connector';

export interface WebhookAnswer {
  status: 200 | 400 | 401;
  /** Why, for the log; Shopify ignores the body. */
  reason: 'queued' | 'duplicate' | 'not-an-order' | 'rejected' | 'unreadable';
}

/** One delivery's events, their listings looked up, ready for ingestion. */
export interface ResolvedDelivery {
  deliveryId: string | null;
  topic: string;
  events: OrderEvent[];
}

export interface ShopifyWebhookInboxOptions {
  connector: Pick<ShopifyConnector, 'manifest' | 'parseWebhook' | 'resolveWebhookEvents'>;
  /** The work: ingest the delivery's events. Runs after the answer, one delivery at a time, in arrival order. */
  onDelivery: (delivery: ResolvedDelivery) => Promise<void> | void;
  /** Called when the look-up or `onDelivery` fails; the event ids stay seen, polling brings the events again. */
  onError?: (error: unknown, delivery: WebhookDelivery) => void;
  /** How many recent X-Shopify-Event-Id values to remember for dropping duplicates. */
  rememberEvents?: number;
}

/**
 * The receiving end of Shopify's order webhooks, free of any framework. Shopify retries a delivery
 * that is not answered 2xx within 5 seconds, so `receive` answers at once: the signature is checked
 * before anything else (a forged call changes nothing), a repeated X-Shopify-Event-Id is acknowledged
 * and dropped, and the work is queued, never done inline. The work is two steps: looking up the
 * listings the body does not name, started at once so that the look-ups of a burst go together, then
 * handing each delivery's events over, one delivery after the other.
 */
export class ShopifyWebhookInbox {
  private readonly seen = new Set<string>();
  private readonly remember: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: ShopifyWebhookInboxOptions) {
    this.remember = options.rememberEvents ?? 10_000;
  }

  receive(request: RawWebhookRequest): WebhookAnswer {
    let delivery: WebhookDelivery;
    try {
      delivery = this.options.connector.parseWebhook(request);
    } catch (error) {
      if (error instanceof WebhookRejectedError) {
        return { status: 401, reason: 'rejected' };
      }
      if (error instanceof ConnectorError) {
        return { status: 400, reason: 'unreadable' };
      }
      throw error;
    }
    if (delivery.deliveryId !== null && this.seen.has(delivery.deliveryId)) {
      return { status: 200, reason: 'duplicate' };
    }
    this.markSeen(delivery.deliveryId);
    if (delivery.events.length === 0 && (delivery.unresolved ?? []).length === 0) {
      return { status: 200, reason: 'not-an-order' };
    }
    const topic = headerValue(request.headers, SHOPIFY_WEBHOOK_HEADERS.topic) ?? '';
    const events = deliveryEvents(this.options.connector, delivery);
    // Awaited in the queue below; this keeps a failed look-up from being reported as unhandled first.
    events.catch(() => undefined);
    this.queue = this.queue.then(async () => {
      try {
        await this.options.onDelivery({ deliveryId: delivery.deliveryId, topic, events: await events });
      } catch (error) {
        this.options.onError?.(error, delivery);
      }
    });
    return { status: 200, reason: 'queued' };
  }

  /** Resolves once every delivery queued so far has been worked off. */
  idle(): Promise<void> {
    return this.queue;
  }

  private markSeen(eventId: string | null): void {
    if (eventId === null) {
      return;
    }
    this.seen.add(eventId);
    if (this.seen.size > this.remember) {
      // Sets iterate in insertion order: the first value is the oldest.
      this.seen.delete(this.seen.values().next().value as string);
    }
  }
}
