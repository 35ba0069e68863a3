import { redisKeyspace } from '../src/redis/redis-keyspace';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { Queue } from 'bullmq';
import { LEDGER_CHECKPOINT_SCHEDULER_ID } from '../src/queue/ledger-checkpoint/ledger-checkpoint.job';
import { pushQueueName, QueueName } from '../src/queue/queue-names';
import { RESERVATION_EXPIRY_SCHEDULER_ID } from '../src/queue/reservation-expiry/reservation-expiry.job';
import { redisConnectionOptions } from '../src/redis/redis-connection-options';
import { eventually } from './support/eventually';
import { startRestartableRedis, type RestartableRedis } from './support/restartable-redis';
import { catalogue, closeShops, connectShop, mapListing, openShops, receive, shows } from './support/sync-fixture';
import { startTestApp, type TestApp } from './support/test-app';

interface Health {
  status: string;
  info?: Record<string, { status: string }>;
  error?: Record<string, { status: string }>;
}

/** The job scheduler ids of one queue, read straight from the service's Redis. */
async function schedulerIds(redisUrl: string, prefix: string, queueName: string): Promise<string[]> {
  const queue = new Queue(queueName, { connection: redisConnectionOptions(redisUrl), prefix: redisKeyspace(prefix).bullPrefix });
  try {
    return (await queue.getJobSchedulers()).map((scheduler) => scheduler.key).sort();
  } finally {
    await queue.close();
  }
}

describe('a Redis restart without persistence, mid-run', () => {
  let redis: RestartableRedis;
  let api: TestApp;
  let shops: Record<string, ChannelSandbox>;

  beforeEach(async () => {
    redis = await startRestartableRedis();
    api = await startTestApp('postgresql', {
      REDIS_URL: redis.url,
      ORDER_POLL_INTERVAL_MS: '200',
      OUTBOX_RELAY_INTERVAL_MS: '50',
      PUSH_RETRY_BASE_MS: '20',
      PUSH_RETRY_MAX_MS: '100',
    });
    shops = await openShops(['shop-a', 'shop-b']);
    await catalogue(api, ['TEA']);
  });
  afterEach(async () => {
    await api?.close();
    await closeShops(shops);
    redis.stop();
  });

  it('is survived without a service restart: health follows Redis, nothing committed meanwhile is lost, schedules come back', async () => {
    await connectShop(api, 'shop-a', shops['shop-a']);
    await connectShop(api, 'shop-b', shops['shop-b']);
    await mapListing(api, 'shop-a', shops['shop-a'], 'tea', 'TEA');
    await mapListing(api, 'shop-b', shops['shop-b'], 'tea', 'TEA');
    await receive(api, 'TEA', 10, 'before');
    expect([await shows(shops['shop-a'], 'tea', 10), await shows(shops['shop-b'], 'tea', 10)]).toEqual([10, 10]);
    const health = () => api.call<Health>('GET', '/health', { key: null });

    await redis.crash();
    const down = await eventually(health, (answer) => answer.status === 503, 5000, 100);
    expect(down.body).toMatchObject({ error: { redis: { status: 'down' } }, info: { database: { status: 'up' } } });
    // The ledger stays writable while Redis is gone; the change waits in the outbox.
    await receive(api, 'TEA', 5, 'during-outage');
    shops['shop-a'].stock.createOrder({ orderId: 'A-1', lines: [{ listingId: 'tea', quantity: 3 }] });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await health()).status).toBe(503);

    await redis.restart();
    expect((await eventually(health, (answer) => answer.status === 200, 10_000, 100)).body).toMatchObject({ status: 'ok' });
    // 10 + 5 received − 3 sold on shop-a during the outage.
    expect(await shows(shops['shop-b'], 'tea', 12, 30_000)).toBe(12);
    expect(await shows(shops['shop-a'], 'tea', 12, 10_000)).toBe(12);

    shops['shop-b'].stock.createOrder({ orderId: 'B-1', lines: [{ listingId: 'tea', quantity: 2 }] });
    expect(await shows(shops['shop-a'], 'tea', 10, 15_000)).toBe(10);
    expect(shops['shop-b'].stock.quantity('tea')).toBe(10);
    const stock = await api.call<{ onHand: number; reserved: number; available: number }>('GET', '/api/v1/stock/TEA');
    expect(stock.body).toMatchObject({ onHand: 15, reserved: 5, available: 10 });

    // Every schedule lost with the empty Redis was declared again by the running service.
    const schedules = async () => ({
      orders: await schedulerIds(redis.url, api.queuePrefix, QueueName.SyncOrders),
      maintenance: await schedulerIds(redis.url, api.queuePrefix, QueueName.SyncMaintenance),
      expiry: await schedulerIds(redis.url, api.queuePrefix, QueueName.ReservationExpiry),
      checkpoint: await schedulerIds(redis.url, api.queuePrefix, QueueName.LedgerCheckpoint),
      reconcileA: await schedulerIds(redis.url, api.queuePrefix, pushQueueName('shop-a')),
      reconcileB: await schedulerIds(redis.url, api.queuePrefix, pushQueueName('shop-b')),
    });
    expect(await schedules()).toEqual({
      orders: ['orders-shop-a', 'orders-shop-b'],
      maintenance: ['order-retention'],
      expiry: [RESERVATION_EXPIRY_SCHEDULER_ID],
      checkpoint: [LEDGER_CHECKPOINT_SCHEDULER_ID],
      reconcileA: ['reconcile-shop-a'],
      reconcileB: ['reconcile-shop-b'],
    });
  }, 90_000);
});
