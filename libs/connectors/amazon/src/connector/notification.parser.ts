import {
  ConnectorError,
  WebhookRejectedError,
  headerValue,
  verifyHmacSignature,
  type RawWebhookRequest,
} from '@urikiri/connector-sdk';
import {
  AMAZON_RELAY_SIGNATURE_HEADER,
  type AmazonNotification,
  type EventBridgeEnvelope,
} from '../amazon-wire.types';

const SUPPORTED = ['ORDER_CHANGE', 'LISTINGS_ITEM_MFN_QUANTITY_CHANGE'];

function isEnvelope(value: unknown): value is EventBridgeEnvelope {
  return typeof value === 'object' && value !== null && 'detail' in value;
}

function isNotification(value: unknown): value is AmazonNotification {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { NotificationType?: unknown }).NotificationType ===
      'string' &&
    typeof (value as { Payload?: unknown }).Payload === 'object'
  );
}

/**
 * Checks the relay's signature over the raw bytes, then reads what the relay forwarded: one
 * notification as SQS delivers it, one EventBridge event whose `detail` is the notification, or an
 * array of either (a relay may forward a whole SQS receive batch at once).
 */
export function readNotifications(
  request: RawWebhookRequest,
  secret: string,
): AmazonNotification[] {
  const signature = headerValue(request.headers, AMAZON_RELAY_SIGNATURE_HEADER);
  if (!verifyHmacSignature({ secret, payload: request.body, signature })) {
    throw new WebhookRejectedError(
      `Amazon notification refused: ${AMAZON_RELAY_SIGNATURE_HEADER} is missing or does not match the body ` +
        "(base64 HMAC-SHA256 of the raw body with the account's notificationSecret)",
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body.toString());
  } catch {
    throw new ConnectorError(
      'permanent',
      'Amazon notification is signed but its body is not JSON',
    );
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.map((item, index) => {
    const notification = isEnvelope(item) ? item.detail : item;
    if (!isNotification(notification)) {
      throw new ConnectorError(
        'permanent',
        `Amazon notification [${index}] is neither an SP-API notification nor an EventBridge event with one in "detail"`,
      );
    }
    if (!SUPPORTED.includes(notification.NotificationType)) {
      throw new ConnectorError(
        'permanent',
        `Amazon notification [${index}] is ${notification.NotificationType}; this endpoint takes ${SUPPORTED.join(' and ')}`,
      );
    }
    return notification;
  });
}
