/** Errors the ledger raises for people: each says what was wrong and, where it helps, what is accepted. */

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `quantity` or `components[1].sku`. */
  path: string;
  message: string;
}

export abstract class LedgerError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class LedgerValidationError extends LedgerError {
  readonly code = 'validation_failed';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; '));
  }
}

export class NotFoundError extends LedgerError {
  readonly code = 'not_found';
  constructor(
    readonly entity: 'product' | 'location' | 'reservation' | 'purchase_order',
    readonly key: string,
  ) {
    super(`${entity.replace('_', ' ')} '${key}' does not exist`);
  }
}

export class DuplicateError extends LedgerError {
  readonly code = 'duplicate';
  constructor(
    readonly entity: 'product' | 'location' | 'purchase_order',
    readonly key: string,
  ) {
    super(`${entity.replace('_', ' ')} '${key}' already exists`);
  }
}

export class IdempotencyConflictError extends LedgerError {
  readonly code = 'idempotency_key_reused';
  constructor(readonly idempotencyKey: string) {
    super(
      `idempotency key '${idempotencyKey}' was already used with a different request; ` +
        'repeat the original request exactly, or use a new key',
    );
  }
}

export class InsufficientStockError extends LedgerError {
  readonly code = 'insufficient_stock';
  constructor(
    readonly sku: string,
    readonly requested: number,
    readonly available: number,
  ) {
    super(`SKU '${sku}' has ${available} available; ${requested} requested`);
  }
}

export class InvalidStateError extends LedgerError {
  readonly code = 'invalid_state';
}
