/**
 * For channels whose relative writes (`+N`/`-N`, Rakuten RELATIVE) carry no idempotency key: a write
 * whose answer was lost may or may not have been applied, and resending it could apply the change
 * twice. The journal remembers, per listing, the units the channel is assumed to show above what the
 * core believes it published, choosing the side that can never oversell: a lost raise counts as
 * applied (at worst the channel shows too few until the next push or reconciliation), a lost
 * lowering as not applied (resending it can only lower the channel further).
 *
 * It lives in memory, one per connector instance: after a restart an unanswered write is resent as is.
 */
export class UncertainWriteJournal {
  private readonly offsets = new Map<string, number>();

  /** Units the channel is assumed to show above `lastPublished` because of unanswered writes. */
  offsetOf(listingId: string): number {
    return this.offsets.get(listingId) ?? 0;
  }

  recordUnanswered(listingId: string, delta: number): void {
    if (delta > 0) {
      this.offsets.set(listingId, this.offsetOf(listingId) + delta);
    }
  }

  /** The channel answered a write for the listing: it now shows what the core will record. */
  settle(listingId: string): void {
    this.offsets.delete(listingId);
  }
}
