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
    case QueueName.SyncAllocation:
      // Reads the ledger when it runs; a retry after a database blip recomputes from the truth.
      return {
        attempts: 8,
        backoff: { type: 'exponential', delay: 250 },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      };
    case QueueName.SyncOrders:
      // The next poll retries anyway; the cursor only moves once a page is ingested.
      return {
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { count: 500 },
        removeOnFail: { count: 1000 },
      };
    case QueueName.SyncAlerts:
      // The receiving endpoint may be down for a while; an alert is worth retrying for about an hour.
      return {
        attempts: 12,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      };
    case QueueName.SyncMaintenance:
      return {
        attempts: 3,
        backoff: { type: 'exponential', delay: 60_000 },
        removeOnComplete: { count: 20 },
        removeOnFail: { count: 50 },
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

/**
 * Push jobs only say "this account owes pushes": per-listing failures, backoff and dead letters are
 * the push executor's, so a failed job means the database or Redis failed, and a short retry suffices.
 */
export function pushJobOptions(): JobsOptions {
  return {
    attempts: 5,
    backoff: { type: 'exponential', delay: 200 },
    removeOnComplete: { count: 500 },
    removeOnFail: { count: 1000 },
  };
}
