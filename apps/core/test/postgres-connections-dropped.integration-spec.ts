import { redisKeyspace } from '../src/redis/redis-keyspace';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { Queue } from 'bullmq';
import { pushQueueName, QueueName } from '../src/queue/queue-names';
import { redisConnectionOptions } from '../src/redis/redis-connection-options';
import { eventually } from './support/eventually';
import { postgresConnectionKiller, type PostgresConnectionKiller } from './support/postgres-connection-killer';
import { catalogue, closeShops, connectShop, mapListing, openShops, receive, shows, type AccountView } from './support/sync-fixture';
import { startTestApp, TEST_REDIS_URL, type TestApp } from './support/test-app';

interface ReplayReport {
  consistent: boolean;
  mismatches: unknown[];
}

/** Milliseconds until the API answers a stock read again. */
async function apiBackAfterMs(api: TestApp, deadlineMs: number): Promise<number> {
  const start = Date.now();
  const answer = await eventually(() => api.call('GET', '/api/v1/stock/TEA'), (result) => result.status === 200, deadlineMs, 50);
  if (answer.status !== 200) throw new Error(`the API still answers ${answer.status} ${answer.text} after ${deadlineMs} ms`);
  return Date.now() - start;
}

describe('PostgreSQL connections dropped mid-run', () => {
  let api: TestApp;
  let killer: PostgresConnectionKiller;
  let shops: Record<string, ChannelSandbox>;
  const queues: Queue[] = [];
  const queue = (name: string) => {
    const opened = new Queue(name, { connection: redisConnectionOptions(TEST_REDIS_URL), prefix: redisKeyspace(api.queuePrefix).bullPrefix });
    queues.push(opened);
    return opened;
  };

  beforeEach(async () => {
    api = await startTestApp('postgresql', { ORDER_POLL_INTERVAL_MS: '200', OUTBOX_RELAY_INTERVAL_MS: '50', PUSH_RETRY_BASE_MS: '20', PUSH_RETRY_MAX_MS: '100' });
    killer = postgresConnectionKiller(api.databaseUrl);
    shops = await openShops(['shop-a', 'shop-b']);
    await catalogue(api, ['TEA']);
  });
  afterEach(async () => {
    for (const opened of queues.splice(0)) await opened.close();
    await killer.close();
    await api.close();
    await closeShops(shops);
  });

  it('answers again within seconds, retries the jobs the drop failed, and keeps the ledger consistent', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    await connectShop(api, 'shop-b', shops['shop-b']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await mapListing(api, 'shop-b', shops['shop-b'], 'tea', 'TEA');
    await receive(api, 'TEA', 10, 'before');
    await shows(shops['shop-b'], 'tea', 10);

    // An allocation caught inside the database when its connection drops: the listings are locked,
    // so the job that plans them for the next receipt waits there, and the kill fails it.
    await killer.holdLocks('SELECT id FROM listing FOR UPDATE');
    await receive(api, 'TEA', 5, 'caught');
    expect(await eventually(() => killer.waitingForLocks(), (waiting) => waiting > 0)).toBeGreaterThan(0);
    expect(await killer.killAll()).toBeGreaterThan(1);
    const recoveries = [await apiBackAfterMs(api, 10_000)];

    expect([await shows(shops['shop-a'], 'tea', 15), await shows(shops['shop-b'], 'tea', 15)]).toEqual([15, 15]);
    for (let sale = 0; sale < 3; sale++) shops['shop-a'].stock.createOrder({ orderId: `A-${sale}`, lines: [{ listingId: 'tea', quantity: 1 }] });
    expect([await shows(shops['shop-a'], 'tea', 12), await shows(shops['shop-b'], 'tea', 12)]).toEqual([12, 12]);

    // More drops, each while a receipt is on its way in (a request cut off is sent again with its
    // idempotency key) and the outbox relay and allocations pick it up; pushes wait meanwhile.
    for (const account of ['shop-a', 'shop-b']) await api.call('POST', `/api/v1/channels/accounts/${account}/stop`, { body: { reason: 'database drops' } });
    for (let round = 0; round < 3; round++) {
      const inFlight = receive(api, 'TEA', 1, `during-kill-${round}`).catch(() => undefined);
      await killer.killAll();
      await inFlight;
      recoveries.push(await apiBackAfterMs(api, 10_000));
      const sent = await eventually(
        () => receive(api, 'TEA', 1, `during-kill-${round}`).then(() => true, () => false),
        (ok) => ok,
        10_000,
        100,
      );
      expect(sent).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const account of ['shop-a', 'shop-b']) await api.call('POST', `/api/v1/channels/accounts/${account}/resume`);
    expect(Math.max(...recoveries)).toBeLessThan(5000);

    // 10 + 5 + 3 × 1 received, 3 × 1 sold on shop-a.
    expect(await shows(shops['shop-b'], 'tea', 15, 30_000)).toBe(15);
    expect(await shows(shops['shop-a'], 'tea', 15, 10_000)).toBe(15);
    const stock = await api.call<{ onHand: number; reserved: number; available: number }>('GET', '/api/v1/stock/TEA');
    expect(stock.body).toMatchObject({ onHand: 18, reserved: 3, available: 15 });

    // The job the drop caught failed an attempt on the connection and succeeded on a retry.
    const allocations = await queue(QueueName.SyncAllocation).getJobs(['completed']);
    const retried = allocations.filter((job) => (job.stacktrace ?? []).some((trace) => /terminat|connection/i.test(trace)));
    expect(retried.length).toBeGreaterThan(0);
    // Nothing ran out of attempts, and no listing was set aside.
    const failed = await Promise.all(
      [QueueName.SyncAllocation, QueueName.SyncOrders, pushQueueName('shop-a'), pushQueueName('shop-b')].map((name) => queue(name).getFailedCount()),
    );
    expect(failed).toEqual([0, 0, 0, 0]);
    for (const account of ['shop-a', 'shop-b']) {
      const view = await api.call<AccountView>('GET', `/api/v1/channels/accounts/${account}`);
      expect(view.body.listings).toMatchObject({ owed: 0, deadLetters: 0 });
    }

    const replay = await api.call<ReplayReport>('POST', '/api/v1/admin/replay/verify');
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ consistent: true, mismatches: [] });
  }, 90_000);
});
