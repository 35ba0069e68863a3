import {
  ConnectorError,
  WebhookRejectedError,
  headerValue,
  verifyHmacSignature,
  type RawWebhookRequest,
  type WebhookDelivery,
} from '@urikiri/connector-sdk';
import { SHOPIFY_WEBHOOK_HEADERS } from './shopify-api.constants';
import { unresolvedOrderEvents } from './shopify-order-events.mapper';
import { isWebhookOrder, snapshotFromWebhook } from './shopify-order.snapshot';

/** Which order events each webhook topic brings; orders/updated may bring any of them. */
const TOPIC_STATUSES: Record<string, readonly string[]> = {
  'orders/create': ['created'],
  'orders/cancelled': ['cancelled'],
  'orders/fulfilled': ['shipped'],
  'orders/updated': ['created', 'cancelled', 'shipped', 'returned'],
};

/**
 * Verifies `X-Shopify-Hmac-Sha256` (base64 HMAC-SHA256 of the raw body with the API secret key, in
 * constant time) before reading anything else, then derives the events the topic brings. Shopify's
 * order JSON names a line's variant but neither its inventory item nor its location, so every event
 * comes back `unresolved`, its `listingRef` the variant GID (with the restock location of a refund
 * that restocked, see shopify-webhook-line-ref.ts), for the look-up after the answer.
 * `deliveryId` is `X-Shopify-Event-Id`: Shopify repeats it on duplicate deliveries of one event.
 */
export function parseShopifyWebhook(request: RawWebhookRequest, webhookSecret: string): WebhookDelivery {
  const signature = headerValue(request.headers, SHOPIFY_WEBHOOK_HEADERS.hmac);
  if (!verifyHmacSignature({ secret: webhookSecret, payload: request.body, signature })) {
    throw new WebhookRejectedError(
      `Shopify webhook refused: ${SHOPIFY_WEBHOOK_HEADERS.hmac} does not match the body signed with the API secret key`,
    );
  }
  const topic = headerValue(request.headers, SHOPIFY_WEBHOOK_HEADERS.topic) ?? '';
  const deliveryId = headerValue(request.headers, SHOPIFY_WEBHOOK_HEADERS.eventId) ?? null;
  const statuses = TOPIC_STATUSES[topic];
  if (statuses === undefined) {
    // Signed but about something else (an app subscribed to more topics): nothing to ingest.
    return { deliveryId, events: [] };
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString());
  } catch {
    throw new ConnectorError('permanent', `Shopify ${topic} webhook is signed but its body is not JSON`);
  }
  if (!isWebhookOrder(body)) {
    throw new ConnectorError(
      'permanent',
      `Shopify ${topic} webhook body is not an order (admin_graphql_api_id, created_at, line_items, refunds, fulfillments)`,
    );
  }
  const unresolved = unresolvedOrderEvents(snapshotFromWebhook(body)).filter((e) => statuses.includes(e.status));
  return { deliveryId, events: [], unresolved };
}
