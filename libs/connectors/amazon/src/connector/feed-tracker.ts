/**
 * Which SKUs sit in a feed Amazon has not finished. Amazon applies a feed minutes after it was
 * sent, so a patch sent meanwhile would be overwritten by the older feed value, and a feed
 * sent after a patch would undo the patch: a SKU is written by one route at a time.
 */
export class FeedTracker {
  private readonly feedBySku = new Map<string, string>();
  private readonly patching = new Set<string>();

  feedOf(sku: string): string | null {
    return this.feedBySku.get(sku) ?? null;
  }

  /** SKUs of `skus` that a patch is writing now; a feed must leave them out. */
  patchingOf(skus: readonly string[]): Set<string> {
    return new Set(skus.filter((sku) => this.patching.has(sku)));
  }

  startPatch(sku: string): void {
    this.patching.add(sku);
  }

  endPatch(sku: string): void {
    this.patching.delete(sku);
  }

  startFeed(feedId: string, skus: readonly string[]): void {
    skus.forEach((sku) => this.feedBySku.set(sku, feedId));
  }

  /** The feed reached DONE, FATAL or CANCELLED: its SKUs may be written again. */
  endFeed(feedId: string): void {
    for (const [sku, id] of this.feedBySku) {
      if (id === feedId) {
        this.feedBySku.delete(sku);
      }
    }
  }
}
