import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { createBackgroundApp } from '../src/app/create-app';
import { ApiKeyGuard } from '../src/auth/api-key.guard';
import { loadConfig } from '../src/config/load-config';
import { createScratchDatabase } from '../src/database/scratch-database';
import { QueueName } from '../src/queue/queue-names';
import { ReservationExpiryProcessor } from '../src/queue/reservation-expiry/reservation-expiry.processor';
import { ReservationExpiryScheduler } from '../src/queue/reservation-expiry/reservation-expiry.scheduler';
import { startTestApp, TEST_REDIS_URL } from './support/test-app';

describe('ROLE', () => {
  it('api: serves HTTP, runs no processor and declares no schedule', async () => {
    const api = await startTestApp('sqlite', { ROLE: 'api' });
    try {
      expect((await api.call('GET', '/health', { key: null })).status).toBe(200);
      expect(() => api.app.get(ReservationExpiryProcessor, { strict: false })).toThrow();
      const queue = api.app.get<Queue>(getQueueToken(QueueName.ReservationExpiry));
      expect(await queue.getJobSchedulers()).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it.each([
    { role: 'worker', processes: true, schedules: false },
    { role: 'scheduler', processes: false, schedules: true },
  ])('$role: no HTTP; runs processors: $processes; declares schedules: $schedules', async ({ role, processes, schedules }) => {
    const database = await createScratchDatabase('sqlite', 'role');
    const config = loadConfig({
      ROLE: role,
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `urikiri_test_role_${role}_${process.pid}`,
      LOG_LEVEL: 'silent',
    });
    const app = await createBackgroundApp(config);
    try {
      await app.init();
      expect(() => app.get(ApiKeyGuard, { strict: false })).toThrow();
      const has = (type: unknown) => {
        try {
          app.get(type as typeof ReservationExpiryProcessor, { strict: false });
          return true;
        } catch {
          return false;
        }
      };
      expect(has(ReservationExpiryProcessor)).toBe(processes);
      expect(has(ReservationExpiryScheduler)).toBe(schedules);
      const queue = app.get<Queue>(getQueueToken(QueueName.ReservationExpiry));
      expect((await queue.getJobSchedulers()).length).toBe(schedules ? 1 : 0);
      await queue.obliterate({ force: true });
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
