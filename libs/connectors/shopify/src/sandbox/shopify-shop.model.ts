import {
  SandboxOrderError,
  SandboxStock,
  type SandboxListing,
  type SandboxOrder,
  type SandboxOrderEvent,
} from '@urikiri/connector-sdk/testing';
import type { Clock } from '@urikiri/connector-sdk';
import type { ShopifyOrderTopic } from '../shopify-api.constants';
import { gid, LISTING_ID_FORMAT } from '../shopify-listing-id';

export interface ShopOrderLine {
  num: string;
  stockLineId: string;
  listingId: string;
  inventoryItemNum: string;
  locationNum: string;
  sku: string | null;
  title: string;
  quantity: number;
}

export interface ShopOrderRecord {
  num: string;
  orderId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  lines: ShopOrderLine[];
  payments: { num: string; processedAt: string }[];
  /** `returned`: shipped units sent back and restocked as a return (restockType RETURN). */
  refunds: { num: string; createdAt: string; lines: { lineNum: string; quantity: number; restocked: boolean; returned: boolean; locationNum: string }[] }[];
  fulfillments: { num: string; createdAt: string; locationNum: string; lines: { lineNum: string; quantity: number }[] }[];
}

/** One change to an order and the webhook topics Shopify fires for it. */
export interface ShopChange {
  order: ShopOrderRecord;
  topics: ShopifyOrderTopic[];
}

export interface ShopifyShopOptions {
  clock: Clock;
  /** Display names of locations by numeric id; others are called "Location <id>". */
  locationNames?: Record<string, string>;
}

const LISTING_ID = /^(\d+)@(\d+)$/;

/** Variants and inventory items have ids of their own on Shopify; the sandbox keeps them apart by an offset. */
const VARIANT_OFFSET = 1_000_000n;

export function variantNumOf(inventoryItemNum: string): string {
  return String(BigInt(inventoryItemNum) + VARIANT_OFFSET);
}

function itemNumOfVariant(variantNum: string): string | null {
  const item = BigInt(variantNum) - VARIANT_OFFSET;
  return item > 0n ? String(item) : null;
}

function splitListingId(listingId: string): { item: string; location: string } {
  const found = LISTING_ID.exec(listingId);
  if (!found) {
    throw new RangeError(`listingId: "${listingId}" is not a Shopify listing; expected ${LISTING_ID_FORMAT}`);
  }
  return { item: found[1], location: found[2] };
}

/**
 * The shop behind the Shopify sandbox: SandboxStock's listings (one per inventory item and location,
 * `quantity` being Shopify's `available`) and orders, with the records Shopify keeps for them: line
 * items, transactions, refunds (Shopify's form of a cancellation) and fulfillments, all numbered from
 * one increasing counter. The event stream is shown with the ids the connector derives from those
 * records, so a test can compare what the connector read with what the shop did.
 */
export class ShopifyShop extends SandboxStock {
  private readonly clockNow: Clock;
  private readonly records = new Map<string, ShopOrderRecord>();
  private readonly ordersByListing = new Map<string, Set<string>>();
  private readonly eventIds = new Map<number, { eventId: string; lineId: string }>();
  private readonly lineNums = new Map<string, string>();
  private readonly untracked = new Set<string>();
  private readonly listeners: ((change: ShopChange) => void)[] = [];
  private readonly locationNames: Record<string, string>;
  private lastSeq = 0;
  private counter = 5_000_000_000_000;
  private orderNames = 1000;

  constructor(options: ShopifyShopOptions) {
    super({ stockLoweredOn: 'order-created', clock: options.clock });
    this.clockNow = options.clock;
    this.locationNames = options.locationNames ?? {};
  }

  override upsertListing(input: Partial<SandboxListing> & { listingId: string }): SandboxListing {
    splitListingId(input.listingId);
    return super.upsertListing(input);
  }

  /** Turns Shopify's "Track quantity" off or on for an inventory item (numeric id). */
  setTracked(inventoryItemNum: string, tracked: boolean): void {
    if (tracked) {
      this.untracked.delete(inventoryItemNum);
    } else {
      this.untracked.add(inventoryItemNum);
    }
  }

  isTracked(inventoryItemNum: string): boolean {
    return !this.untracked.has(inventoryItemNum);
  }

  /** The inventory item (numeric id) of a variant the shop has, stocked at any of its locations; else null. */
  inventoryItemOfVariant(variantNum: string): string | null {
    const item = itemNumOfVariant(variantNum);
    return item !== null && this.listings().some((l) => l.listingId.startsWith(`${item}@`)) ? item : null;
  }

  onChange(listener: (change: ShopChange) => void): void {
    this.listeners.push(listener);
  }

  override createOrder(input: { orderId?: string; lines: { listingId: string; quantity: number }[] }): SandboxOrder {
    if (input.orderId !== undefined) {
      throw new SandboxOrderError(`Shopify numbers its orders itself; leave orderId out (got "${input.orderId}")`);
    }
    const num = this.nextNum();
    const order = super.createOrder({ orderId: gid('Order', num), lines: input.lines });
    const fresh = this.freshEvents();
    const at = fresh[0].occurredAt;
    const lines = order.lines.map((line): ShopOrderLine => {
      const listing = this.listing(line.listingId) as SandboxListing;
      const { item, location } = splitListingId(line.listingId);
      const lineNum = this.nextNum();
      this.lineNums.set(line.lineId, lineNum);
      return {
        num: lineNum,
        stockLineId: line.lineId,
        listingId: line.listingId,
        inventoryItemNum: item,
        locationNum: location,
        sku: listing.sellerSku,
        title: listing.title,
        quantity: line.quantity,
      };
    });
    this.orderNames += 1;
    const record: ShopOrderRecord = {
      num,
      orderId: order.orderId,
      name: `#${this.orderNames}`,
      createdAt: at,
      updatedAt: at,
      cancelledAt: null,
      lines,
      payments: [],
      refunds: [],
      fulfillments: [],
    };
    this.records.set(order.orderId, record);
    for (const line of lines) {
      const set = this.ordersByListing.get(line.listingId) ?? new Set<string>();
      set.add(order.orderId);
      this.ordersByListing.set(line.listingId, set);
    }
    this.name(fresh, () => `created:${num}`);
    this.changed(record, at, ['orders/create']);
    return order;
  }

  override payOrder(orderId: string): SandboxOrder {
    const order = super.payOrder(orderId);
    const fresh = this.freshEvents();
    const record = this.recordOf(orderId);
    const num = this.nextNum();
    const at = fresh[0]?.occurredAt ?? new Date(this.clockNow()).toISOString();
    record.payments.push({ num, processedAt: at });
    this.name(fresh, () => `paid:${num}`);
    this.changed(record, at, ['orders/updated']);
    return order;
  }

  override cancelOrder(orderId: string, options: { restock?: boolean } = {}): SandboxOrder {
    const order = super.cancelOrder(orderId, options);
    this.recordRefund(orderId, options.restock ?? true, true, false);
    return order;
  }

  override cancelLine(orderId: string, lineId: string, quantity: number, options: { restock?: boolean } = {}): SandboxOrder {
    const order = super.cancelLine(orderId, lineId, quantity, options);
    this.recordRefund(orderId, options.restock ?? true, order.status === 'cancelled', false);
    return order;
  }

  /**
   * A return shows in a Shopify order only as a refund restocked as RETURN, which puts the units
   * back into `available` at the line's location; a return kept off stock is not visible there.
   */
  override returnLine(orderId: string, lineId: string, quantity: number, options: { restock?: boolean } = {}): SandboxOrder {
    if (options.restock === false) {
      throw new SandboxOrderError('Shopify shows a return only as a refund restocked as RETURN; return with restock: true (the default here)');
    }
    const order = super.returnLine(orderId, lineId, quantity, { restock: true });
    this.recordRefund(orderId, true, false, true);
    return order;
  }

  override shipOrder(orderId: string): SandboxOrder {
    const order = super.shipOrder(orderId);
    const fresh = this.freshEvents();
    const record = this.recordOf(orderId);
    const byLocation = new Map<string, { lineNum: string; quantity: number }[]>();
    for (const e of fresh) {
      const line = this.lineOf(record, e.lineId);
      byLocation.set(line.locationNum, [...(byLocation.get(line.locationNum) ?? []), { lineNum: line.num, quantity: e.quantity }]);
    }
    // Shopify fulfils per location: one fulfillment for each location the order takes stock from.
    const fulfillmentOf = new Map<string, string>();
    const at = fresh[0]?.occurredAt ?? new Date(this.clockNow()).toISOString();
    for (const [locationNum, lines] of byLocation) {
      const num = this.nextNum();
      fulfillmentOf.set(locationNum, num);
      record.fulfillments.push({ num, createdAt: at, locationNum, lines });
    }
    this.name(fresh, (e) => `shipped:${fulfillmentOf.get(this.lineOf(record, e.lineId).locationNum)}`);
    this.changed(record, at, ['orders/fulfilled', 'orders/updated']);
    return order;
  }

  /** The channel's event stream with the ids Shopify's records give each event. */
  override events(): SandboxOrderEvent[] {
    return super.events().map((e) => this.shopifyView(e));
  }

  override eventsAfter(seq: number, limit: number): SandboxOrderEvent[] {
    return super.eventsAfter(seq, limit).map((e) => this.shopifyView(e));
  }

  /** Units of open orders waiting at this listing: Shopify's `committed`. */
  committed(listingId: string): number {
    let units = 0;
    for (const orderId of this.ordersByListing.get(listingId) ?? []) {
      const order = this.order(orderId) as SandboxOrder;
      if (order.status === 'created' || order.status === 'paid') {
        order.lines
          .filter((l) => l.listingId === listingId)
          .forEach((l) => (units += Math.min(l.taken, l.quantity - l.cancelled)));
      }
    }
    return units;
  }

  orderRecords(): ShopOrderRecord[] {
    return [...this.records.values()];
  }

  orderRecord(orderId: string): ShopOrderRecord | null {
    return this.records.get(orderId) ?? null;
  }

  locationName(locationNum: string): string {
    return this.locationNames[locationNum] ?? `Location ${locationNum}`;
  }

  /** Numeric ids of the locations that stock anything, in id order. */
  locationNums(): string[] {
    const nums = new Set(this.listings().map((l) => splitListingId(l.listingId).location));
    return [...nums].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  }

  nextNum(): string {
    this.counter += 1;
    return String(this.counter);
  }

  private recordRefund(orderId: string, restocked: boolean, wholeOrder: boolean, returned: boolean): void {
    const fresh = this.freshEvents();
    const record = this.recordOf(orderId);
    const num = this.nextNum();
    const at = fresh[0]?.occurredAt ?? new Date(this.clockNow()).toISOString();
    record.refunds.push({
      num,
      createdAt: at,
      lines: fresh.map((e) => {
        const line = this.lineOf(record, e.lineId);
        return { lineNum: line.num, quantity: e.quantity, restocked, returned, locationNum: line.locationNum };
      }),
    });
    if (wholeOrder) {
      record.cancelledAt = at;
    }
    this.name(fresh, () => `${returned ? 'returned' : 'cancelled'}:${num}`);
    this.changed(record, at, wholeOrder ? ['orders/cancelled', 'orders/updated'] : ['orders/updated']);
  }

  private freshEvents(): SandboxOrderEvent[] {
    const fresh = super.eventsAfter(this.lastSeq, Number.MAX_SAFE_INTEGER);
    this.lastSeq = fresh.at(-1)?.seq ?? this.lastSeq;
    return fresh;
  }

  private name(events: readonly SandboxOrderEvent[], prefix: (e: SandboxOrderEvent) => string): void {
    for (const e of events) {
      const lineNum = this.lineNums.get(e.lineId) as string;
      this.eventIds.set(e.seq, { eventId: `${prefix(e)}:${lineNum}`, lineId: gid('LineItem', lineNum) });
    }
  }

  private changed(record: ShopOrderRecord, at: string, topics: ShopifyOrderTopic[]): void {
    record.updatedAt = at;
    this.listeners.forEach((listener) => listener({ order: record, topics }));
  }

  private shopifyView(e: SandboxOrderEvent): SandboxOrderEvent {
    const ids = this.eventIds.get(e.seq);
    return ids ? { ...e, eventId: ids.eventId, lineId: ids.lineId } : e;
  }

  private lineOf(record: ShopOrderRecord, stockLineId: string): ShopOrderLine {
    return record.lines.find((l) => l.stockLineId === stockLineId) as ShopOrderLine;
  }

  private recordOf(orderId: string): ShopOrderRecord {
    const record = this.records.get(orderId);
    if (!record) {
      throw new SandboxOrderError(`No order ${orderId} on this shop`);
    }
    return record;
  }
}
