import type { ReservationResult, SkuStock } from '@urikiri/inventory';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '../src/queue/queue-names';
import { RESERVATION_EXPIRY_SCHEDULER_ID } from '../src/queue/reservation-expiry/reservation-expiry.job';
import { startTestApp, type TestApp } from './support/test-app';

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('reservation expiry through BullMQ', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp('sqlite', { RESERVATION_EXPIRY_INTERVAL_MS: '250' });
    await api.call('POST', '/api/v1/locations', { body: { code: 'WH1', name: 'Main' } });
    await api.call('POST', '/api/v1/products', { body: { code: 'CART-1', name: 'Held in a cart' } });
    await api.call('POST', '/api/v1/stock/receive', { body: { sku: 'CART-1', location: 'WH1', quantity: 5, idempotencyKey: 'r-1' } });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('has one job scheduler at the configured interval', async () => {
    const queue = api.app.get<Queue>(getQueueToken(QueueName.ReservationExpiry));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([expect.objectContaining({ key: RESERVATION_EXPIRY_SCHEDULER_ID, every: 250 })]);
  });

  it('releases a hold once it has expired, and leaves one without expiry alone', async () => {
    const expiring = await api.call<ReservationResult>('POST', '/api/v1/reservations', {
      body: { sku: 'CART-1', quantity: 2, order: { orderId: 'CART-A', lineId: '1' }, expiresAt: new Date(Date.now() + 1000).toISOString(), idempotencyKey: 'hold-1' },
    });
    const lasting = await api.call<ReservationResult>('POST', '/api/v1/reservations', {
      body: { sku: 'CART-1', quantity: 1, order: { orderId: 'ORDER-B', lineId: '1' }, idempotencyKey: 'hold-2' },
    });
    expect([expiring.status, lasting.status]).toEqual([201, 201]);
    expect((await api.call<SkuStock>('GET', '/api/v1/stock/CART-1')).body).toMatchObject({ reserved: 3, available: 2 });

    const after = await eventually(
      async () => (await api.call<SkuStock>('GET', '/api/v1/stock/CART-1')).body,
      (stock) => stock.reserved === 1,
    );
    expect(after).toMatchObject({ onHand: 5, reserved: 1, available: 4 });
    const releases = await api.call<{ items: Array<{ kind: string; reservationId: string }> }>('GET', '/api/v1/movements?kind=release');
    expect(releases.body.items.map((m) => m.reservationId)).toEqual([expiring.body.reservationId]);

    const queue = api.app.get<Queue>(getQueueToken(QueueName.ReservationExpiry));
    const completed = await queue.getCompleted();
    expect(completed.some((job) => (job.returnvalue as { released: number }).released === 1)).toBe(true);
  });
});
