/** Job names and payloads of the sync queues. Jobs say what to look at, never what to write. */
export const SyncJob = {
  AllocateProduct: 'allocate-product',
  AllocateAll: 'allocate-all',
  Push: 'push',
  PollOrders: 'poll-orders',
  /** The account's order-poll schedule firing: asks for a poll, which is deduplicated per account. */
  PollOrdersTick: 'poll-orders-tick',
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
  /** `queue-state-lost`: Redis came back without its data, and with it the allocations it held. */
  reason: 'rules-changed' | 'window-boundary' | 'listings-changed' | 'queue-state-lost';
}

export interface AccountJobData {
  accountId: string;
  /**
   * A poll that only guards against lost webhooks (the account's schedule, or a refused push whose
   * sale a webhook is about to bring): skipped while the account's webhooks arrive, but for one per
   * WEBHOOK_POLL_INTERVAL_MS. Polls asked for by an operator or to continue a backlog always run.
   */
  safetyNet?: boolean;
}

export interface ReconcileJobData extends AccountJobData {
  repair: boolean;
  /** A read-back of these listings only (database ids): writes whose answer was lost left them uncertain. */
  listingIds?: number[];
  /** Read-backs of these listings so far that could not settle them (the channel failed, ingestion was behind). */
  attempt?: number;
}
