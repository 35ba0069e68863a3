export interface OrderEventProblem {
  /** Where in the batch, e.g. `events[3].quantity`. */
  path: string;
  message: string;
}

/**
 * A connector handed over events the contract or the database cannot hold. Nothing of the batch
 * was ingested: one bad event would otherwise leave its line, and the ledger, half-written.
 */
export class InvalidOrderEventsError extends Error {
  constructor(readonly problems: OrderEventProblem[]) {
    super(`order events refused: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidOrderEventsError';
  }
}
