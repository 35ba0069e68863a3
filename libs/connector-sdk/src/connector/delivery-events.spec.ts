import type { ChannelConnector } from './channel-connector';
import type { OrderEvent, UnresolvedOrderEvent, WebhookDelivery } from './connector.types';
import { deliveryEvents } from './delivery-events';

const manifest = { id: 'example' } as ChannelConnector['manifest'];
const named: OrderEvent = {
  eventId: 'created:1:1',
  orderId: 'o1',
  lineId: 'l1',
  listingId: 'item-1',
  sellerSku: 'TEE',
  status: 'created',
  quantity: 2,
  occurredAt: '2026-05-01T00:00:00.000Z',
};
const { listingId: _listingId, ...rest } = { ...named, eventId: 'created:1:2', lineId: 'l2' };
const unnamed: UnresolvedOrderEvent = { ...rest, listingRef: 'variant-7' };

describe('deliveryEvents', () => {
  it('returns the events of a delivery whose body named every listing, without asking the connector', async () => {
    const resolveWebhookEvents = jest.fn();
    const delivery: WebhookDelivery = { deliveryId: 'd1', events: [named] };
    expect(await deliveryEvents({ manifest, resolveWebhookEvents }, delivery)).toEqual([named]);
    expect(await deliveryEvents({ manifest }, { ...delivery, unresolved: [] })).toEqual([named]);
    expect(resolveWebhookEvents).not.toHaveBeenCalled();
  });

  it('adds the unresolved events once the connector has looked their listings up', async () => {
    const resolveWebhookEvents = jest.fn(async (events: UnresolvedOrderEvent[]) =>
      events.map(({ listingRef, ...e }) => ({ ...e, listingId: `item-of-${listingRef}` })),
    );
    const delivery: WebhookDelivery = { deliveryId: 'd2', events: [named], unresolved: [unnamed] };
    expect((await deliveryEvents({ manifest, resolveWebhookEvents }, delivery)).map((e) => e.listingId)).toEqual([
      'item-1',
      'item-of-variant-7',
    ]);
    expect(resolveWebhookEvents).toHaveBeenCalledWith([unnamed]);
  });

  it('names the connector that left events unresolved without a way to resolve them', async () => {
    await expect(deliveryEvents({ manifest }, { deliveryId: null, events: [], unresolved: [unnamed] })).rejects.toThrow(
      'Connector "example" parsed webhook events without a listing but has no resolveWebhookEvents',
    );
  });
});
