import type { ChannelConnector } from '@urikiri/connector-sdk';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { ChannelDirectory } from '@urikiri/sync';
import { OrderPolling } from '../src/sync/pipeline/order-polling.service';
import { eventually } from './support/eventually';
import { catalogue, closeShops, connectShop, mapListing, openShops, receive, shows } from './support/sync-fixture';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Reconciliation catches an account's orders up before it repairs anything, while the account's own
 * polls go on. Each poll that ingests first moves the cursor, and a page fetched from the old cursor
 * is fetched again: when a poll always overtakes the catch-up, the catch-up must still end as soon as
 * an ingestion that began after it reached the end, instead of fetching as long as sales go on.
 */
describe('catching an account up while its own polls overtake every fetch', () => {
  let api: TestApp;
  let shops: Record<string, ChannelSandbox>;

  beforeEach(async () => {
    // No scheduled polls: the overtaking polls are the test's own, one per fetch of the catch-up.
    api = await startTestApp('postgresql', { ORDER_POLL_INTERVAL_MS: '3600000', OUTBOX_RELAY_INTERVAL_MS: '50' });
    shops = await openShops(['shop-a']);
    await catalogue(api, ['TEA']);
  });
  afterEach(async () => {
    await api.close();
    await closeShops(shops);
  });

  it('ends once an overtaking poll has fetched to the end, with every sale ingested', async () => {
    const shop = shops['shop-a'];
    await connectShop(api, 'shop-a', shop);
    await mapListing(api, 'shop-a', shop, 'tea', 'TEA');
    await receive(api, 'TEA', 50, 'r1');
    await shows(shop, 'tea', 50);

    const polling = api.app.get(OrderPolling);
    const connector: ChannelConnector = await api.app.get(ChannelDirectory).connectorFor('shop-a');
    const fetchOrders = connector.fetchOrders.bind(connector);
    let catchUpFetches = 0;
    let overtaking = false;
    let sale = 0;
    // While the catch-up's fetch is in flight, a buyer orders and the account's own poll ingests it
    // first: the catch-up's page comes back from a cursor that has moved on.
    connector.fetchOrders = async (cursor) => {
      if (overtaking) return fetchOrders(cursor);
      catchUpFetches++;
      const page = await fetchOrders(cursor);
      if (catchUpFetches <= 50) {
        shop.stock.createOrder({ orderId: `sale-${++sale}`, lines: [{ listingId: 'tea', quantity: 1 }] });
        overtaking = true;
        try {
          await polling.poll('shop-a', false);
        } finally {
          overtaking = false;
        }
      }
      return page;
    };

    await polling.catchUp('shop-a');

    expect(catchUpFetches).toBe(1);
    const stock = await eventually(
      async () => (await api.call<{ reserved: number }>('GET', '/api/v1/stock/TEA')).body,
      (s) => s.reserved === sale,
    );
    expect(stock.reserved).toBe(sale);
  });
});
