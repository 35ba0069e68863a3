import type { JobsOptions } from 'bullmq';
import { QueueName } from './queue-names';

/**
 * Attempts, backoff and retention per queue, decided here and nowhere else. Jobs carry no values,
 * only what to look at, so a retried or late job reads the current truth and does no harm.
 */
export function jobOptions(queue: QueueName): JobsOptions {
  switch (queue) {
    case QueueName.ReservationExpiry:
      // The next scheduled run retries anyway; a short backoff only covers a blip of the database.
      return {
        attempts: 3,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { count: 100 },
        removeOnFail: { count: 1000 },
      };
    case QueueName.LedgerCheckpoint:
      // A missed checkpoint only makes the next verification replay more movements.
      return {
        attempts: 2,
        backoff: { type: 'fixed', delay: 60_000 },
        removeOnComplete: { count: 50 },
        removeOnFail: { count: 100 },
      };
    case QueueName.Simulation:
      // Unlike the others, this job carries its inputs (an operator's what-if) and its result is the
      // answer they come back for: kept a day, the newest 100. The simulation is deterministic, so a
      // retry would fail the same way; a job whose worker process dies is taken up again as stalled.
      return {
        attempts: 1,
        removeOnComplete: { age: 24 * 3600, count: 100 },
        removeOnFail: { age: 24 * 3600, count: 100 },
      };
  }
}
