import { ConnectorError } from '../errors/connector-error';
import type { ChannelConnector } from './channel-connector';
import type { OrderEvent, WebhookDelivery } from './connector.types';

/**
 * Every event of a parsed webhook delivery, ready for ingestion: the ones its body named in full,
 * then its `unresolved` ones once the connector has looked their listings up. A delivery without
 * unresolved events needs no call, so this is what a caller uses for every connector alike.
 */
export async function deliveryEvents(
  connector: Pick<ChannelConnector, 'manifest' | 'resolveWebhookEvents'>,
  delivery: WebhookDelivery,
): Promise<OrderEvent[]> {
  const unresolved = delivery.unresolved ?? [];
  if (unresolved.length === 0) {
    return delivery.events;
  }
  if (connector.resolveWebhookEvents === undefined) {
    throw new ConnectorError(
      'permanent',
      `Connector "${connector.manifest.id}" parsed webhook events without a listing but has no resolveWebhookEvents to look them up.`,
    );
  }
  return [...delivery.events, ...(await connector.resolveWebhookEvents(unresolved))];
}
