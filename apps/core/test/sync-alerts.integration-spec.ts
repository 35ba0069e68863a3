import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { eventually } from './support/eventually';
import { catalogue, closeShops, connectShop, mapListing, openShops, receive, shows } from './support/sync-fixture';
import { startTestApp, type TestApp } from './support/test-app';

interface ReceivedAlert {
  kind: string;
  subject: string;
  message: string;
  details: Record<string, unknown>;
}

describe('alerts to the configured webhook', () => {
  let receiver: Server;
  let received: ReceivedAlert[];
  let failNext: number;
  let api: TestApp;
  let shops: Record<string, ChannelSandbox>;
  let first: TestApp | undefined;

  beforeEach(async () => {
    received = [];
    failNext = 0;
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        // A receiver that is down for a moment gets the alert on a retry.
        if (failNext > 0) {
          failNext--;
          response.writeHead(503).end();
          return;
        }
        received.push(JSON.parse(body) as ReceivedAlert);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`;
    api = await startTestApp('postgresql', { ALERT_WEBHOOK_URL: url, ORDER_POLL_INTERVAL_MS: '200', OUTBOX_RELAY_INTERVAL_MS: '50', LOW_STOCK_THRESHOLD: '1' });
    shops = await openShops(['shop-a', 'shop-b']);
    await catalogue(api, ['TEA']);
  });
  afterEach(async () => {
    await api.close();
    // The first process of a test owns its database; it goes last.
    await first?.close();
    first = undefined;
    await closeShops(shops);
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('reports an oversell when two shops sold the same last units, and low stock, retrying a receiver that was down', async () => {
    failNext = 1;
    await connectShop(api, 'shop-a', shops['shop-a']);
    await connectShop(api, 'shop-b', shops['shop-b']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await mapListing(api, 'shop-b', shops['shop-b'], 'tea', 'TEA');
    await receive(api, 'TEA', 2, 'r1');
    await shows(shops['shop-a'], 'tea', 2);
    await shows(shops['shop-b'], 'tea', 2);
    shops['shop-a'].stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 2 }] });
    shops['shop-b'].stock.createOrder({ orderId: 'B-1', lines: [{ listingId: 'tea', quantity: 2 }] });
    const alerts = await eventually(async () => received, (list) => list.some((a) => a.kind === 'oversell') && list.some((a) => a.kind === 'low-stock'), 20_000);
    expect(alerts.find((a) => a.kind === 'oversell')).toMatchObject({ kind: 'oversell', message: expect.stringMatching(/Oversell/) });
    expect(alerts.find((a) => a.kind === 'low-stock')).toMatchObject({ subject: 'TEA', details: { sku: 'TEA', threshold: 1 } });
    expect(failNext).toBe(0);
  });

  it('reports a listing set aside as a dead letter', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    shops['shop-a'].faults.next('push', { kind: 'server-error' }, 100);
    first = api;
    await first.stop();
    // Failing fast: the default backoff would take minutes to reach the dead letter.
    api = await startTestApp('postgresql', { ALERT_WEBHOOK_URL: first.config.sync.alertWebhookUrl ?? '', PUSH_RETRY_BASE_MS: '10', PUSH_RETRY_MAX_MS: '50', PUSH_MAX_FAILURES: '3' }, { replicaOf: first });
    await receive(api, 'TEA', 5, 'r1');
    const alerts = await eventually(async () => received, (list) => list.some((a) => a.kind === 'dead-letter'), 20_000);
    expect(alerts.find((a) => a.kind === 'dead-letter')).toMatchObject({ subject: 'shop-a', details: { accountId: 'shop-a', count: 1 } });
  });
  it('refuses a polled page with a malformed event, says so once, and ingests the page once the channel answers well', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await receive(api, 'TEA', 5, 'r1');
    await shows(shops['shop-a'], 'tea', 5);
    // The channel answers an order with a fractional quantity, which no connector contract allows.
    const stock = shops['shop-a'].stock;
    const eventsAfter = stock.eventsAfter.bind(stock);
    let malformed = true;
    stock.eventsAfter = (seq, limit) => eventsAfter(seq, limit).map((event) => (malformed && event.orderId === 'A-1' ? { ...event, quantity: 1.5 } : event));
    stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 2 }] });

    const alerts = await eventually(async () => received, (list) => list.some((a) => a.kind === 'malformed-orders'), 20_000);
    expect(alerts.find((a) => a.kind === 'malformed-orders')).toMatchObject({
      subject: 'shop-a',
      message: expect.stringContaining('events[0].quantity'),
      details: { accountId: 'shop-a', problems: [{ path: 'events[0].quantity', message: expect.any(String) }] },
    });
    const stockOf = async () => (await api.call<{ reserved: number }>('GET', '/api/v1/stock/TEA')).body;
    expect((await stockOf()).reserved).toBe(0);
    // Polled again and again meanwhile: the alert is not repeated.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(received.filter((a) => a.kind === 'malformed-orders')).toHaveLength(1);
    expect((await stockOf()).reserved).toBe(0);

    // The cursor stayed before the refused page: the sale is ingested, not skipped.
    malformed = false;
    await eventually(stockOf, (level) => level.reserved === 2, 20_000);
  });
});
