/**
 * Remembers the first outcome per idempotency key, so a sandbox answers a retried write the way
 * Shopify's `@idempotent(key:)` does: the same result, applied once.
 */
export class IdempotencyStore<T> {
  private readonly outcomes = new Map<string, T>();

  once(key: string, apply: () => T): T {
    if (this.outcomes.has(key)) {
      return this.outcomes.get(key) as T;
    }
    const outcome = apply();
    this.outcomes.set(key, outcome);
    return outcome;
  }
}
