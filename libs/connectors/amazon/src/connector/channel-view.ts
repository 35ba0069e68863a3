/**
 * The latest MFN quantity we know the channel shows per SKU, from our own writes, read-backs and
 * LISTINGS_ITEM_MFN_QUANTITY_CHANGE notifications. A feed push uses it to subtract sales made on
 * Amazon that we have not ingested yet, where reading every SKU back first would take too long.
 */
export class ChannelView {
  private readonly seen = new Map<string, { quantity: number; at: number }>();

  /** Keeps the observation unless a newer one is already known (notifications arrive out of order). */
  observe(sku: string, quantity: number, at: number): void {
    const known = this.seen.get(sku);
    if (!known || known.at <= at) {
      this.seen.set(sku, { quantity, at });
    }
  }

  quantity(sku: string): number | null {
    return this.seen.get(sku)?.quantity ?? null;
  }
}

/**
 * The absolute quantity to write so the channel ends at `target` less its sales we have not
 * ingested: when it shows fewer than we last published, the difference was sold there.
 */
export function writableQuantity(
  target: number,
  lastPublished: number | null,
  channelQuantity: number | null,
): number {
  if (
    lastPublished === null ||
    channelQuantity === null ||
    channelQuantity >= lastPublished
  ) {
    return target;
  }
  return Math.max(0, target - (lastPublished - channelQuantity));
}
