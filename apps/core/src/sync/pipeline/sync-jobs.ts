/** Job names and payloads of the sync queues. Jobs say what to look at, never what to write. */
export const SyncJob = {
  AllocateProduct: 'allocate-product',
  AllocateAll: 'allocate-all',
  Push: 'push',
  PollOrders: 'poll-orders',
  Cutover: 'cutover',
  Reconcile: 'reconcile',
  Alert: 'alert',
  Retention: 'retention',
} as const;

export interface AllocateProductData {
  productId: number;
  /** ISO time the ledger change was committed. */
  changedAt: string;
  /** ISO time of the channel sale that caused it, if one did. */
  originAt: string | null;
}

export interface AllocateAllData {
  reason: 'rules-changed' | 'window-boundary' | 'listings-changed';
}

export interface AccountJobData {
  accountId: string;
  /** A poll of the account's job scheduler (not one asked for): may be skipped while webhooks arrive. */
  scheduled?: boolean;
}

export interface ReconcileJobData extends AccountJobData {
  repair: boolean;
}
