import { signHmac, type Clock, type RawWebhookRequest } from '@urikiri/connector-sdk';
import type { SeededRandom } from '@urikiri/connector-sdk/testing';
import { SHOPIFY_API_VERSION, SHOPIFY_ORDER_TOPICS, SHOPIFY_WEBHOOK_HEADERS, type ShopifyOrderTopic } from '../shopify-api.constants';
import type { ShopifyWebhookOrder } from '../shopify-wire.types';

export interface WebhookSenderOptions {
  secret: string;
  shopDomain: string;
  random: SeededRandom;
  clock: Clock;
  /** Waits before each retry of a delivery not answered 2xx; Shopify spreads 8 retries over 4 hours. */
  retryDelaysMs: readonly number[];
  /** How long Shopify waits for an answer before it counts the attempt as failed. */
  responseTimeoutMs: number;
  /** Chance that a delivery is sent a second time with the same X-Shopify-Event-Id, drawn from the seed. */
  duplicateProbability: number;
}

export interface WebhookAttempt {
  url: string;
  topic: ShopifyOrderTopic;
  eventId: string;
  webhookId: string;
  attempt: number;
  /** HTTP status, or 0 when the receiver did not answer in time or refused the connection. */
  status: number;
}

interface Delivery {
  url: string;
  topic: ShopifyOrderTopic;
  eventId: string;
  webhookId: string;
  body: Buffer;
}

/**
 * Shopify's webhook side: one delivery per subscribed topic and order change, signed with the app's
 * secret (base64 HMAC-SHA256 of the raw body), retried while the receiver does not answer 2xx in
 * time, and now and then delivered twice with the same X-Shopify-Event-Id, as Shopify may.
 */
export class ShopifyWebhookSender {
  private readonly subscriptions: { url: string; topics: ReadonlySet<ShopifyOrderTopic> }[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly waits = new Map<NodeJS.Timeout, () => void>();
  private readonly log: WebhookAttempt[] = [];
  private duplicatesQueued = 0;
  private closed = false;

  constructor(private readonly options: WebhookSenderOptions) {}

  subscribe(url: string, topics: readonly ShopifyOrderTopic[] = SHOPIFY_ORDER_TOPICS): void {
    this.subscriptions.push({ url, topics: new Set(topics) });
  }

  /** The next `count` deliveries are each sent twice. */
  duplicateNext(count = 1): void {
    this.duplicatesQueued += count;
  }

  attempts(): WebhookAttempt[] {
    return this.log.map((a) => ({ ...a }));
  }

  /** Signed headers and body of one delivery, without sending it; `signWith` forges with another secret. */
  signed(topic: ShopifyOrderTopic, order: ShopifyWebhookOrder, options: { signWith?: string; eventId?: string } = {}): RawWebhookRequest {
    const body = Buffer.from(JSON.stringify(order));
    return {
      headers: this.headers(topic, body, options.eventId ?? this.newId(), this.newId(), options.signWith),
      body,
    };
  }

  /** Queues the deliveries of one order change to every subscription that takes `topic`. */
  publish(topic: ShopifyOrderTopic, order: ShopifyWebhookOrder): void {
    const body = Buffer.from(JSON.stringify(order));
    for (const subscription of this.subscriptions.filter((s) => s.topics.has(topic))) {
      const delivery: Delivery = { url: subscription.url, topic, eventId: this.newId(), webhookId: this.newId(), body };
      this.track(this.attempt(delivery, 0));
      const duplicate = this.duplicatesQueued > 0 || this.options.random.chance(this.options.duplicateProbability);
      if (duplicate) {
        this.duplicatesQueued = Math.max(0, this.duplicatesQueued - 1);
        this.track(this.attempt({ ...delivery, webhookId: this.newId() }, 0));
      }
    }
  }

  /** Resolves once every delivery sent so far, retries included, has been answered or given up. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
    }
  }

  close(): void {
    this.closed = true;
    // Retries still waiting are given up, so settled() resolves.
    this.waits.forEach((resolve, timer) => {
      clearTimeout(timer);
      resolve();
    });
    this.waits.clear();
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async attempt(delivery: Delivery, attempt: number): Promise<void> {
    if (this.closed) {
      return;
    }
    let status = 0;
    try {
      const answer = await fetch(delivery.url, {
        method: 'POST',
        headers: this.headers(delivery.topic, delivery.body, delivery.eventId, delivery.webhookId),
        body: delivery.body,
        signal: AbortSignal.timeout(this.options.responseTimeoutMs),
      });
      status = answer.status;
      await answer.arrayBuffer();
    } catch {
      status = 0;
    }
    this.log.push({ url: delivery.url, topic: delivery.topic, eventId: delivery.eventId, webhookId: delivery.webhookId, attempt, status });
    const wait = this.options.retryDelaysMs[attempt];
    if ((status < 200 || status > 299) && wait !== undefined && !this.closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.waits.delete(timer);
          resolve();
        }, wait);
        this.waits.set(timer, resolve);
      });
      await this.attempt(delivery, attempt + 1);
    }
  }

  private headers(topic: string, body: Buffer, eventId: string, webhookId: string, signWith?: string): Record<string, string> {
    const h = SHOPIFY_WEBHOOK_HEADERS;
    return {
      'content-type': 'application/json',
      [h.topic]: topic,
      [h.hmac]: signHmac({ secret: signWith ?? this.options.secret, payload: body }),
      [h.shopDomain]: this.options.shopDomain,
      [h.apiVersion]: SHOPIFY_API_VERSION,
      [h.webhookId]: webhookId,
      [h.eventId]: eventId,
      [h.triggeredAt]: new Date(this.options.clock()).toISOString(),
    };
  }

  private newId(): string {
    const r = this.options.random;
    return `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`;
  }
}
