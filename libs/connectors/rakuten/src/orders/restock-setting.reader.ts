import { ConnectorError, type OrderEvent } from '@urikiri/connector-sdk';
import { formatRakutenListingId, listingIdProblem, parseRakutenListingId } from '../rakuten-listing-id.codec';
import type { RakutenItem } from '../rakuten-wire.types';
import type { RankedEvent } from './order-events.mapper';
import type { RakutenSend } from './rakuten-order.poller';

/**
 * Fills `restocked` on cancellations whose line says restoreInventoryFlag 0 ("follow the item"): the
 * order does not say what Rakuten did, the variant's 在庫戻し setting (`restockOnCancel`, Items API
 * 2.0) does. One look-up per item among the cancellations being handed out, none when every line
 * carries its own flag.
 *
 * The setting is read when the cancellation is handed out, not when it happened; a setting changed
 * in between is read as it is now. An item RMS no longer has, or a look-up that fails, leaves the
 * cancellation unknown: order ingestion must not wait for a setting, and unknown is read as
 * restocked, which errs towards Rakuten showing less.
 */
export class RestockSettingReader {
  constructor(private readonly send: RakutenSend) {}

  /** The events, with `restocked` on the cancellations that defer to the item, where it could be read. */
  async fill(ranked: readonly RankedEvent[]): Promise<OrderEvent[]> {
    const open = new Set(ranked.filter((r) => r.restockFromItem && listingIdProblem(r.event.listingId) === null).map((r) => r.event));
    const settings = new Map<string, boolean>();
    for (const manageNumber of new Set([...open].map((e) => parseRakutenListingId(e.listingId).manageNumber))) {
      const item = await this.item(manageNumber);
      for (const [variantId, variant] of Object.entries(item?.variants ?? {})) {
        if (typeof variant.restockOnCancel === 'boolean') {
          settings.set(formatRakutenListingId({ manageNumber, variantId }), variant.restockOnCancel);
        }
      }
    }
    return ranked.map(({ event }) => {
      const restocked = open.has(event) ? settings.get(event.listingId) : undefined;
      return restocked === undefined ? event : { ...event, restocked };
    });
  }

  private async item(manageNumber: string): Promise<RakutenItem | null> {
    try {
      const { data } = await this.send<RakutenItem>('catalogue', { method: 'GET', url: `/es/2.0/items/manage-numbers/${encodeURIComponent(manageNumber)}` });
      return data;
    } catch (error) {
      if (error instanceof ConnectorError) {
        return null;
      }
      throw error;
    }
  }
}
