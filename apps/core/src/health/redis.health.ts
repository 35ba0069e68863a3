import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { QueueName } from '../queue/queue-names';
import { withTimeout } from './with-timeout';

/** Pings through the queue's own connection: the one the jobs depend on. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    @InjectQueue(QueueName.ReservationExpiry) private readonly queue: Queue,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async ping(key: string, timeoutMs = 1000) {
    const check = this.indicators.check(key);
    try {
      await withTimeout(
        this.queue.client.then((client) => client.ping()),
        timeoutMs,
        'Redis',
      );
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
