import type { ReservationResult, SkuStock } from '@urikiri/inventory';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '../src/queue/queue-names';
import { LEDGER_CHECKPOINT_SCHEDULER_ID } from '../src/queue/ledger-checkpoint/ledger-checkpoint.job';
import { RESERVATION_EXPIRY_SCHEDULER_ID } from '../src/queue/reservation-expiry/reservation-expiry.job';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

describe('scheduled jobs through BullMQ', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp('sqlite', { RESERVATION_EXPIRY_INTERVAL_MS: '250', LEDGER_CHECKPOINT_INTERVAL_MS: '1000' });
    await api.call('POST', '/api/v1/locations', { body: { code: 'WH1', name: 'Main' } });
    await api.call('POST', '/api/v1/products', { body: { code: 'CART-1', name: 'Held in a cart' } });
    await api.call('POST', '/api/v1/stock/receive', { body: { sku: 'CART-1', location: 'WH1', quantity: 5, idempotencyKey: 'r-1' } });
  });

  afterAll(async () => {
    await api?.close();
  });

  const queue = (name: QueueName) => api.app.get<Queue>(getQueueToken(name));

  it('has one job scheduler per queue at the configured interval', async () => {
    expect(await queue(QueueName.ReservationExpiry).getJobSchedulers()).toEqual([
      expect.objectContaining({ key: RESERVATION_EXPIRY_SCHEDULER_ID, every: 250 }),
    ]);
    expect(await queue(QueueName.LedgerCheckpoint).getJobSchedulers()).toEqual([
      expect.objectContaining({ key: LEDGER_CHECKPOINT_SCHEDULER_ID, every: 1000 }),
    ]);
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
      15_000,
      100,
    );
    expect(after).toMatchObject({ onHand: 5, reserved: 1, available: 4 });
    const releases = await api.call<{ items: Array<{ kind: string; reservationId: string }> }>('GET', '/api/v1/movements?kind=release');
    expect(releases.body.items.map((m) => m.reservationId)).toEqual([expiring.body.reservationId]);

    const completed = await queue(QueueName.ReservationExpiry).getCompleted();
    expect(completed.some((job) => (job.returnvalue as { released: number }).released === 1)).toBe(true);
  });

  it('keeps a cart hold that was confirmed as an order past its expiry', async () => {
    const hold = await api.call<ReservationResult>('POST', '/api/v1/reservations', {
      body: { sku: 'CART-1', quantity: 1, order: { orderId: 'CART-C', lineId: '1' }, expiresAt: new Date(Date.now() + 800).toISOString(), idempotencyKey: 'hold-3' },
    });
    expect(hold.status).toBe(201);
    const confirmed = await api.call<ReservationResult>('POST', `/api/v1/reservations/${hold.body.reservationId}/confirm`, { body: { idempotencyKey: 'confirm-3' } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ reservationId: hold.body.reservationId, quantity: 1, status: 'held' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const releases = await api.call<{ items: Array<{ reservationId: string }> }>('GET', '/api/v1/movements?kind=release');
    expect(releases.body.items.map((m) => m.reservationId)).not.toContain(hold.body.reservationId);
    const unknown = await api.call('POST', '/api/v1/reservations/00000000-0000-0000-0000-000000000000/confirm', { body: { idempotencyKey: 'confirm-x' } });
    expect(unknown.status).toBe(404);
  });

  it('writes ledger checkpoints that replay verification then starts from', async () => {
    const jobs = await eventually(
      () => queue(QueueName.LedgerCheckpoint).getCompleted(),
      (completed) => completed.some((job) => (job.returnvalue as { movementId: number }).movementId > 0),
    );
    const newest = Math.max(...jobs.map((job) => (job.returnvalue as { movementId: number }).movementId));
    expect(newest).toBeGreaterThan(0);
    const report = await api.call<{ consistent: boolean; fromMovementId: number }>('POST', '/api/v1/admin/replay/verify');
    expect(report.body.consistent).toBe(true);
    expect(report.body.fromMovementId).toBeGreaterThanOrEqual(newest);
  });
});
