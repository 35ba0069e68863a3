/**
 * `+N`/`-N` writes carry no idempotency key, so a write whose answer never came could be applied or
 * not, and resending it could add the change twice. The journal remembers, per listing, the units
 * Yahoo! is assumed to show above `lastPublished` because of unanswered writes, choosing the side
 * that can never oversell: an unanswered raise counts as applied (at worst Yahoo! shows too few until
 * the next push or reconciliation), an unanswered lowering as not applied (resending it can only
 * lower further).
 *
 * It lives in memory: after a restart an unanswered write is resent as is.
 */
export class UncertainWriteJournal {
  private readonly offsets = new Map<string, number>();

  offsetOf(listingId: string): number {
    return this.offsets.get(listingId) ?? 0;
  }

  recordUnanswered(listingId: string, delta: number): void {
    if (delta > 0) {
      this.offsets.set(listingId, this.offsetOf(listingId) + delta);
    }
  }

  /** Yahoo! answered for this listing: it now shows what the core will record. */
  settle(listingId: string): void {
    this.offsets.delete(listingId);
  }
}
