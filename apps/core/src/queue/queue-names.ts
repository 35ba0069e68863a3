/** Every BullMQ queue of the service. A queue name is a contract between processes: change with care. */
export const QueueName = {
  ReservationExpiry: 'reservation-expiry',
  LedgerCheckpoint: 'ledger-checkpoint',
  Simulation: 'simulation',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
