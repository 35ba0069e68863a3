import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { deliveryEvents } from '@urikiri/connector-sdk';
import { createTestshopSandbox } from './sandbox/testshop.sandbox';
import { TestshopConnector } from './testshop.connector';

describe('Testshop order events', () => {
  let sandbox: ChannelSandbox;
  let connector: TestshopConnector;

  beforeEach(async () => {
    sandbox = await createTestshopSandbox({ seed: 3 });
    connector = new TestshopConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url });
    sandbox.stock.upsertListing({ listingId: 'tea', quantity: 10 });
  });
  afterEach(() => sandbox.close());

  it('says whether each cancellation put the units back on sale, by polling and by webhook alike', async () => {
    const order = sandbox.stock.createOrder({ lines: [{ listingId: 'tea', quantity: 4 }] });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 1, { restock: false });
    sandbox.stock.cancelLine(order.orderId, order.lines[0].lineId, 2);
    expect(sandbox.stock.quantity('tea')).toBe(8);

    const polled = (await connector.fetchOrders(null)).events;
    expect(polled.map((e) => [e.status, e.quantity, e.restocked])).toEqual([
      ['created', 4, undefined],
      ['cancelled', 1, false],
      ['cancelled', 2, true],
    ]);
    expect(polled[0]).not.toHaveProperty('restocked');

    const channelEvents = sandbox.stock.events().map(({ seq: _seq, ...e }) => e);
    const webhook = sandbox.webhookFor?.(channelEvents);
    if (!webhook) throw new Error('the Testshop sandbox sends webhooks');
    expect(await deliveryEvents(connector, connector.parseWebhook(webhook))).toEqual(polled);
  });
});
