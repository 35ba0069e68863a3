import type { PushItem, PushResult } from '@urikiri/connector-sdk';
import { RakutenConnector } from './rakuten.connector';
import { createRakutenSandbox, type RakutenSandbox } from './sandbox/rakuten.sandbox';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Rakuten maintenance windows', () => {
  let sandbox: RakutenSandbox;

  afterEach(() => sandbox.close());

  it('holds the pushes that meet a maintenance window mid-sync and delivers every change after it', async () => {
    sandbox = await createRakutenSandbox({ seed: 11 });
    const connector = new RakutenConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url });
    const ids = Array.from({ length: 1000 }, (_, i) => `sale-item:v${String(i).padStart(4, '0')}`);
    ids.forEach((listingId) => sandbox.stock.upsertListing({ listingId, quantity: 5 }));
    // RMS goes down half a second into the sync, between the first and second bulk-upsert.
    const start = Date.now();
    sandbox.faults.maintenance({ from: start + 500, to: start + 2500, operations: ['push', 'read'], retryAfterSeconds: 2 });
    const batch: PushItem[] = ids.map((listingId, i) => ({ listingId, target: 5 + (i % 9), lastPublished: 5, version: 1 }));

    const first = await connector.push(batch);
    expect(first.slice(0, 400).every((r) => r.status === 'ok')).toBe(true);
    expect(first.slice(400).every((r) => r.status === 'retryable')).toBe(true);
    // RMS's Retry-After travels with every held item, so the push queue waits for the window.
    expect(new Set(first.slice(400).map((r) => (r.status === 'retryable' ? r.retryAfterMs : null)))).toEqual(new Set([2000]));
    // The batch stopped at the first 503 instead of knocking on RMS with every remaining chunk.
    expect(sandbox.requests.entries('push').map((e) => e.status)).toEqual([204, 503]);

    await sleep(Math.max(0, start + 2600 - Date.now()));
    const waiting = batch.filter((_, i) => first[i].status === 'retryable');
    const retried: PushResult[] = await connector.push(waiting);
    expect(retried.every((r) => r.status === 'ok')).toBe(true);

    expect(ids.map((id) => sandbox.stock.quantity(id))).toEqual(batch.map((b) => b.target));
    const applied = sandbox.requests.entries('push').filter((e) => e.status === 204);
    expect(applied.slice(1).every((e) => e.at >= start + 2500)).toBe(true);
  });

  it('stops order polling too when the window covers the order API, and resumes without losing an order', async () => {
    sandbox = await createRakutenSandbox({ seed: 12 });
    const connector = new RakutenConnector({ credentials: sandbox.credentials(), baseUrl: sandbox.url });
    sandbox.stock.upsertListing({ listingId: 'towel:white', quantity: 20 });
    const before = await connector.fetchOrders(null);
    sandbox.faults.startMaintenance(30, ['orders']);
    sandbox.stock.createOrder({ lines: [{ listingId: 'towel:white', quantity: 2 }] });
    await expect(connector.fetchOrders(before.nextCursor)).rejects.toMatchObject({ kind: 'retryable', retryAfterMs: 30_000 });
    sandbox.faults.endMaintenance();
    const after = await connector.fetchOrders(before.nextCursor);
    expect(after.events.map((e) => [e.listingId, e.status, e.quantity])).toEqual([['towel:white', 'created', 2]]);
  });
});
