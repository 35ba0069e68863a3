/**
 * For channels whose relative writes (`+N`/`-N`, Rakuten RELATIVE) carry no idempotency key: a write
 * whose answer was lost may or may not have been applied, and resending it could apply the change
 * twice. The journal remembers, per listing, the units the channel is assumed to show above what the
 * core believes it published, choosing the side that can never oversell: a lost raise counts as
 * applied (at worst the channel shows too few until the next push or reconciliation), a lost
 * lowering as not applied (resending it can only lower the channel further).
 *
 * That assumption can prove wrong: the channel refuses a lowering that would take it below zero,
 * because the lost raise never landed. Kept, it would make every later write refused the same way,
 * for ever. Such a listing is `disproved`: its next write reads the channel first, and the assumed
 * raise shrinks to what the channel's quantity still leaves room for. The connector's caller ingests
 * the channel's orders after a refusal before it pushes again, so that quantity holds no sale the
 * core has not counted (bar one made in between, which can only lower the channel further).
 *
 * Either assumption leaves the channel showing too few when it was wrong (a lost raise that never
 * landed, a lost lowering that did), and the write that finally gets an answer cannot tell. So the
 * journal also remembers every listing with an unanswered write until one is answered: `settle` says
 * so, and the connector asks its caller to read that listing back.
 *
 * It lives in memory, one per connector instance: after a restart an unanswered write is resent as is.
 */
export class UncertainWriteJournal {
  private readonly offsets = new Map<string, number>();
  private readonly disproved = new Set<string>();
  private readonly unanswered = new Set<string>();

  /**
   * Units the channel is assumed to show above `lastPublished` because of unanswered writes. With
   * `shown` (the channel's quantity, read because the assumption was disproved), no more than the
   * channel shows above `lastPublished`.
   */
  offsetOf(listingId: string, reading?: { lastPublished: number; shown: number }): number {
    const assumed = this.offsets.get(listingId) ?? 0;
    if (reading === undefined || !this.disproved.has(listingId)) return assumed;
    return Math.max(0, Math.min(assumed, reading.shown - reading.lastPublished));
  }

  recordUnanswered(listingId: string, delta: number): void {
    this.unanswered.add(listingId);
    if (delta > 0) {
      this.offsets.set(listingId, this.offsetOf(listingId) + delta);
    }
  }

  /** The channel refused a write in a way the assumed raise cannot explain: read it before the next write. */
  disprove(listingId: string): void {
    if (this.offsetOf(listingId) > 0) this.disproved.add(listingId);
  }

  /** Listings whose next write must read the channel first. */
  needsReading(listingId: string): boolean {
    return this.disproved.has(listingId);
  }

  /**
   * The channel answered a write for the listing: it now shows what the core will record, unless an
   * earlier unanswered write was assumed wrongly. True when there was one: read the listing back.
   */
  settle(listingId: string): boolean {
    this.offsets.delete(listingId);
    this.disproved.delete(listingId);
    return this.unanswered.delete(listingId);
  }
}
