/** Every BullMQ queue of the service. A queue name is a contract between processes: change with care. */
export const QueueName = {
  ReservationExpiry: 'reservation-expiry',
  LedgerCheckpoint: 'ledger-checkpoint',
  /** One job per product (coalesced): run the rules for its allocation unit. */
  SyncAllocation: 'sync-allocation',
  /** Order polling and cut-over imports, per channel account. */
  SyncOrders: 'sync-orders',
  SyncAlerts: 'sync-alerts',
  /** Retention of order lines and received event ids. */
  SyncMaintenance: 'sync-maintenance',
  Simulation: 'simulation',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

/**
 * Pushes get a queue per channel account, so each is rate-limited by its own channel's limits. The
 * account's reconciliation runs on the same queue, so it never overlaps one of its pushes.
 */
export const PUSH_QUEUE_PREFIX = 'sync-push-';

export function pushQueueName(accountId: string): string {
  return `${PUSH_QUEUE_PREFIX}${accountId}`;
}
