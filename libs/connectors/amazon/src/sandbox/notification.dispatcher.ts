import { signHmac } from '@urikiri/connector-sdk';
import {
  AMAZON_RELAY_SIGNATURE_HEADER,
  type AmazonNotification,
  type EventBridgeEnvelope,
  type MfnQuantityChangeNotification,
} from '../amazon-wire.types';
import type { AmazonSandboxContext } from './amazon-sandbox.context';

export type NotificationFormat = 'sqs' | 'eventbridge';

export interface SentNotification {
  notification: AmazonNotification;
  status: number | 'failed';
}

export function mfnQuantityChange(
  ctx: AmazonSandboxContext,
  sku: string,
  quantity: number,
): MfnQuantityChangeNotification {
  const now = new Date(ctx.clock()).toISOString();
  return {
    NotificationVersion: '1.0',
    NotificationType: 'LISTINGS_ITEM_MFN_QUANTITY_CHANGE',
    PayloadVersion: '1.0',
    EventTime: now,
    Payload: {
      SellerId: ctx.account.sellerId,
      FulfillmentChannelCode: 'DEFAULT',
      Sku: sku,
      Quantity: quantity,
    },
    NotificationMetadata: {
      ApplicationId: 'amzn1.sellerapps.app.sandbox',
      SubscriptionId: 'subscription-sandbox-mfn-quantity',
      PublishTime: now,
      NotificationId: ctx.random.hex(32),
    },
  };
}

/** The bytes a relay forwards for these notifications, and its signature header. */
export function relayBody(
  ctx: AmazonSandboxContext,
  notifications: readonly AmazonNotification[],
  format: NotificationFormat,
  secret: string,
): { headers: Record<string, string>; body: Buffer } {
  const wrap = (
    n: AmazonNotification,
  ): AmazonNotification | EventBridgeEnvelope =>
    format === 'sqs'
      ? n
      : {
          version: '0',
          id: ctx.random.hex(32),
          'detail-type': n.NotificationType,
          source: 'aws.partner/sellingpartnerapi.amazon.com',
          time: n.EventTime,
          detail: n,
        };
  const payload =
    notifications.length === 1
      ? wrap(notifications[0])
      : notifications.map(wrap);
  const body = Buffer.from(JSON.stringify(payload));
  return {
    headers: {
      'content-type': 'application/json',
      [AMAZON_RELAY_SIGNATURE_HEADER]: signHmac({ secret, payload: body }),
    },
    body,
  };
}

/**
 * Sends each notification to the configured URL the moment it happens, as Amazon's queue plus the
 * seller's relay would, in order, one at a time. Deliveries are kept for tests and demos.
 */
export class NotificationDispatcher {
  readonly sent: SentNotification[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: AmazonSandboxContext,
    private readonly url: string | undefined,
    private readonly format: NotificationFormat,
  ) {}

  dispatch(notification: AmazonNotification): void {
    if (this.url === undefined) {
      return;
    }
    const url = this.url;
    const request = relayBody(
      this.ctx,
      [notification],
      this.format,
      this.ctx.account.notificationSecret,
    );
    this.queue = this.queue.then(async () => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: request.headers,
          body: request.body,
        });
        this.sent.push({ notification, status: response.status });
      } catch {
        this.sent.push({ notification, status: 'failed' });
      }
    });
  }

  /** Resolves once every notification so far has been delivered (or failed). */
  settled(): Promise<void> {
    return this.queue;
  }
}
