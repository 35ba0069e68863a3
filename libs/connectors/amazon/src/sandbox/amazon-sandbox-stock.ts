import {
  SandboxStock,
  type SandboxListing,
  type SandboxOrder,
  type SandboxOrderEvent,
  type SandboxStockOptions,
  type SeededRandom,
} from '@urikiri/connector-sdk/testing';
import { orderEventId } from '../connector/order-snapshot';

/** FBA stock Amazon holds for a SKU; `merchantFulfilled: false` makes the listing FBA only. */
export interface FbaHolding {
  fulfillable: number;
  inbound: number;
  reserved: number;
  merchantFulfilled: boolean;
  asin?: string;
}

export type StockChange =
  | { kind: 'order'; orderId: string }
  | { kind: 'quantity'; sku: string; quantity: number };

/**
 * The channel's stock with Amazon's identities: orders get Amazon order ids, lines their order item
 * ids, and the event stream is told with the event ids urikiri derives from Amazon's order views
 * (a cancellation of n units reads as n one-unit cancellations, since Amazon shows counts, not
 * steps, and none says whether the units went back on the listing: the order APIs do not). Every
 * change is announced to the listener, which sends Amazon's notifications.
 */
export class AmazonSandboxStock extends SandboxStock {
  private readonly orderIds: string[] = [];
  private readonly fba = new Map<string, FbaHolding>();
  private listener: ((change: StockChange) => void) | null = null;
  private orderSeq = 0;

  constructor(
    options: SandboxStockOptions,
    private readonly random: SeededRandom,
  ) {
    super(options);
  }

  onChange(listener: ((change: StockChange) => void) | null): void {
    this.listener = listener;
  }

  /** Stock Amazon holds in its warehouses for `sku` (FBA); the listing must exist. */
  setFba(sku: string, holding: Partial<FbaHolding>): FbaHolding {
    this.quantity(sku);
    const next: FbaHolding = {
      fulfillable: 0,
      inbound: 0,
      reserved: 0,
      merchantFulfilled: true,
      ...this.fba.get(sku),
      ...holding,
    };
    this.fba.set(sku, next);
    return { ...next };
  }

  fbaOf(sku: string): FbaHolding | null {
    const holding = this.fba.get(sku);
    return holding ? { ...holding } : null;
  }

  /** A DEFAULT quantity written to an FBA-only offer turns it into a merchant-fulfilled one, as on Amazon. */
  becomeMerchantFulfilled(sku: string): void {
    const holding = this.fba.get(sku);
    if (holding) {
      holding.merchantFulfilled = true;
    }
  }

  override upsertListing(
    input: Partial<SandboxListing> & { listingId: string },
  ): SandboxListing {
    return this.tracking([input.listingId], () => super.upsertListing(input));
  }

  override setQuantity(listingId: string, quantity: number): void {
    this.tracking([listingId], () => super.setQuantity(listingId, quantity));
  }

  override adjustQuantity(listingId: string, delta: number): number {
    return this.tracking([listingId], () =>
      super.adjustQuantity(listingId, delta),
    );
  }

  override compareAndSet(
    listingId: string,
    expected: number,
    quantity: number,
  ): { applied: boolean; quantity: number } {
    return this.tracking([listingId], () =>
      super.compareAndSet(listingId, expected, quantity),
    );
  }

  override createOrder(input: {
    orderId?: string;
    lines: { listingId: string; quantity: number }[];
  }): SandboxOrder {
    this.orderSeq += 1;
    // Amazon order ids are 3-7-7 digits; the middle block counts up so orders sort by arrival.
    const orderId =
      input.orderId ??
      `503-${String(this.orderSeq).padStart(7, '0')}-${String(this.random.int(0, 9_999_999)).padStart(7, '0')}`;
    const order = this.tracking(
      input.lines.map((l) => l.listingId),
      () => super.createOrder({ ...input, orderId }),
    );
    this.orderIds.push(order.orderId);
    return this.announce(order);
  }

  override payOrder(orderId: string): SandboxOrder {
    return this.announce(
      this.tracking(this.skusOf(orderId), () => super.payOrder(orderId)),
    );
  }

  override cancelOrder(
    orderId: string,
    options: { restock?: boolean } = {},
  ): SandboxOrder {
    return this.announce(
      this.tracking(this.skusOf(orderId), () =>
        super.cancelOrder(orderId, options),
      ),
    );
  }

  override cancelLine(
    orderId: string,
    lineId: string,
    quantity: number,
    options: { restock?: boolean } = {},
  ): SandboxOrder {
    return this.announce(
      this.tracking(this.skusOf(orderId), () =>
        super.cancelLine(orderId, lineId, quantity, options),
      ),
    );
  }

  override shipOrder(orderId: string): SandboxOrder {
    return this.announce(
      this.tracking(this.skusOf(orderId), () => super.shipOrder(orderId)),
    );
  }

  /** Every order, oldest first. */
  orders(): SandboxOrder[] {
    return this.orderIds.map((id) => this.order(id) as SandboxOrder);
  }

  /** When each order was placed and last changed, read from the channel's own stream. */
  orderTimes(): Map<string, { createdAt: string; updatedAt: string }> {
    const times = new Map<string, { createdAt: string; updatedAt: string }>();
    for (const event of super.events()) {
      const known = times.get(event.orderId);
      times.set(event.orderId, {
        createdAt: known?.createdAt ?? event.occurredAt,
        updatedAt: event.occurredAt,
      });
    }
    return times;
  }

  override events(): SandboxOrderEvent[] {
    const cancelledByLine = new Map<string, number>();
    const out: SandboxOrderEvent[] = [];
    for (const { restocked: _restocked, ...event } of super.events()) {
      // The Orders API carries no returned quantity (returns are a report): a sandbox return stays out.
      if (event.status === 'returned') {
        continue;
      }
      if (event.status === 'cancelled') {
        for (let i = 0; i < event.quantity; i += 1) {
          const unit = (cancelledByLine.get(event.lineId) ?? 0) + 1;
          cancelledByLine.set(event.lineId, unit);
          out.push({
            ...event,
            eventId: orderEventId(event.lineId, 'cancelled', unit),
            quantity: 1,
            seq: out.length + 1,
          });
        }
      } else {
        out.push({
          ...event,
          eventId: orderEventId(event.lineId, event.status),
          seq: out.length + 1,
        });
      }
    }
    return out;
  }

  override eventsAfter(seq: number, limit: number): SandboxOrderEvent[] {
    return this.events()
      .filter((e) => e.seq > seq)
      .slice(0, limit);
  }

  private skusOf(orderId: string): string[] {
    return this.order(orderId)?.lines.map((l) => l.listingId) ?? [];
  }

  private announce(order: SandboxOrder): SandboxOrder {
    this.listener?.({ kind: 'order', orderId: order.orderId });
    return order;
  }

  /** Runs a change and announces every listed SKU whose displayed quantity it moved. */
  private tracking<T>(skus: readonly string[], change: () => T): T {
    const before = new Map(
      skus.map((sku) => [sku, this.listing(sku)?.quantity ?? null]),
    );
    const result = change();
    for (const [sku, was] of before) {
      const now = this.listing(sku)?.quantity ?? null;
      if (now !== null && now !== was) {
        this.listener?.({ kind: 'quantity', sku, quantity: now });
      }
    }
    return result;
  }
}
