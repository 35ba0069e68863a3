/**
 * RELATIVE writes carry no idempotency key, so a write whose answer was lost could be applied or
 * not, and resending it could add the change twice. The journal remembers, per listing, the units
 * we assume Rakuten added beyond what the core believes it published, choosing the side that can
 * never oversell: a lost raise counts as applied (at worst Rakuten shows too few until the next
 * reconciliation), a lost lowering as not applied (resending it can only lower Rakuten further).
 *
 * It lives in memory: after a restart an unanswered write is resent as is.
 */
export class UncertainWriteJournal {
  private readonly offsets = new Map<string, number>();

  /** Units Rakuten is assumed to show above `lastPublished` because of unanswered writes. */
  offsetOf(listingId: string): number {
    return this.offsets.get(listingId) ?? 0;
  }

  recordUnanswered(listingId: string, delta: number): void {
    if (delta > 0) {
      this.offsets.set(listingId, this.offsetOf(listingId) + delta);
    }
  }

  /** Rakuten confirmed a write: it now shows exactly what the core will record. */
  settle(listingId: string): void {
    this.offsets.delete(listingId);
  }
}
