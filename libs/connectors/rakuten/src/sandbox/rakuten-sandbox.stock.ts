import {
  SandboxOrderError,
  SandboxStock,
  type SandboxListing,
  type SandboxOrder,
  type SandboxOrderEvent,
} from '@urikiri/connector-sdk/testing';
import { floorToSecond } from '../jst-time.codec';
import { listingIdProblem } from '../rakuten-listing-id.codec';

/** 在庫連動オプション per order line: 0 follow the item's 在庫戻し setting, 1 restore, 2 do not. */
export type RestoreInventoryFlag = 0 | 1 | 2;

export interface RakutenOrderLineInput {
  listingId: string;
  quantity: number;
  restoreInventoryFlag?: RestoreInventoryFlag;
}

/** One cancellation as RMS records it: which lines lost how many units, and when. */
export interface SandboxChange {
  changeId: number;
  at: number;
  lines: { lineId: string; units: number }[];
}

export interface InventoryRecordTimes {
  created: number;
  updated: number;
}

export interface RakutenItemSettings {
  /** 在庫設定なし on the whole item. */
  unlimitedInventoryFlag: boolean;
  itemNumber: string | null;
}

/**
 * The sandbox kit's SandboxStock with Rakuten's identities and bookkeeping: order numbers in RMS
 * form (`shop-yyyymmdd-nnnnnnnnnn`), line ids numbered by position, each cancellation recorded as a
 * change with an id, inventory records with created/updated times, and events reported the way the
 * order API lets anyone observe them (ids derived from the order, times to the second).
 */
function reportedByOrderApi(event: SandboxOrderEvent): boolean {
  return event.status !== 'returned';
}

export class RakutenSandboxStock extends SandboxStock {
  private readonly now: () => number;
  private readonly shopNumber: string;
  private orderSeq = 0;
  private changeSeq = 0;
  private detailSeq = 0;
  private readonly changeByEventSeq = new Map<number, number>();
  private readonly changesByOrder = new Map<string, SandboxChange[]>();
  private readonly restoreFlags = new Map<string, RestoreInventoryFlag>();
  private readonly detailIds = new Map<string, number>();
  private readonly records = new Map<string, InventoryRecordTimes>();
  private readonly restockOnCancel = new Map<string, boolean>();
  private readonly itemSettings = new Map<string, RakutenItemSettings>();

  constructor(options: { clock?: () => number; shopNumber?: string } = {}) {
    super({ stockLoweredOn: 'order-created', clock: options.clock });
    this.now = options.clock ?? Date.now;
    this.shopNumber = options.shopNumber ?? '385912';
  }

  /** A variant in RMS with an inventory record (what listings normally are). */
  override upsertListing(input: Partial<SandboxListing> & { listingId: string }): SandboxListing {
    const problem = listingIdProblem(input.listingId);
    if (problem !== null) {
      throw new RangeError(`The Rakuten sandbox holds only ids RMS accepts: ${problem}`);
    }
    const isNew = this.listing(input.listingId) === null;
    const listing = super.upsertListing(input);
    if (isNew || !this.records.has(input.listingId)) {
      const now = this.now();
      this.records.set(input.listingId, { created: now, updated: now });
    } else if (input.quantity !== undefined) {
      this.touch([input.listingId]);
    }
    return listing;
  }

  /** A variant registered in RMS whose stock was never set: bulk-get does not know it yet. */
  registerVariant(input: Partial<SandboxListing> & { listingId: string }): SandboxListing {
    const listing = this.upsertListing({ quantity: 0, ...input });
    this.records.delete(input.listingId);
    return listing;
  }

  hasInventoryRecord(listingId: string): boolean {
    return this.records.has(listingId);
  }

  inventoryRecord(listingId: string): InventoryRecordTimes | null {
    const times = this.records.get(listingId);
    return times ? { ...times } : null;
  }

  /** Writes through the inventory API; creates the record when ABSOLUTE meets a variant without one. */
  writeInventory(listingId: string, mode: 'ABSOLUTE' | 'RELATIVE', quantity: number): number {
    if (mode === 'ABSOLUTE') {
      this.setQuantity(listingId, quantity);
    } else {
      this.adjustQuantity(listingId, quantity);
    }
    if (!this.records.has(listingId)) {
      const now = this.now();
      this.records.set(listingId, { created: now, updated: now });
    }
    this.touch([listingId]);
    return this.quantity(listingId);
  }

  setRestockOnCancel(listingId: string, restock: boolean): void {
    this.restockOnCancel.set(listingId, restock);
  }

  variantRestocksOnCancel(listingId: string): boolean {
    return this.restockOnCancel.get(listingId) ?? true;
  }

  setItemSettings(manageNumber: string, settings: Partial<RakutenItemSettings>): void {
    this.itemSettings.set(manageNumber, { ...this.itemSettingsOf(manageNumber), ...settings });
  }

  itemSettingsOf(manageNumber: string): RakutenItemSettings {
    return this.itemSettings.get(manageNumber) ?? { unlimitedInventoryFlag: false, itemNumber: null };
  }

  /** A buyer orders on Rakuten: stock drops at once, as Rakuten takes stock at order time. */
  override createOrder(input: { orderId?: string; lines: RakutenOrderLineInput[] }): SandboxOrder {
    const orderId = input.orderId ?? this.nextOrderNumber();
    const order = super.createOrder({ orderId, lines: input.lines.map((l) => ({ listingId: l.listingId, quantity: l.quantity })) });
    order.lines.forEach((line, i) => {
      this.restoreFlags.set(line.lineId, input.lines[i].restoreInventoryFlag ?? 0);
      this.detailSeq += 1;
      this.detailIds.set(line.lineId, this.detailSeq);
    });
    this.touch(order.lines.map((l) => l.listingId));
    return order;
  }

  /**
   * Cancels the whole order as one change. Each line restocks by its restoreInventoryFlag (or the
   * item's 在庫戻し setting). `restock` is the shop setting 在庫連動 on every open line before it
   * cancels: the lines' restoreInventoryFlag becomes 1 or 2, as getOrder then shows it.
   */
  override cancelOrder(orderId: string, options: { restock?: boolean } = {}): SandboxOrder {
    const order = this.requireOpenOrder(orderId);
    return this.asChange(order, () => {
      for (const line of order.lines.filter((l) => l.cancelled < l.quantity)) {
        this.chooseRestock(line.lineId, options.restock);
        super.cancelLine(orderId, line.lineId, line.quantity - line.cancelled, { restock: this.restocks(line.lineId, line.listingId) });
      }
    });
  }

  /** Cancels some units of one line (the shop lowers 個数 in RMS), as one change; `restock` as for cancelOrder. */
  override cancelLine(orderId: string, lineId: string, quantity: number, options: { restock?: boolean } = {}): SandboxOrder {
    const order = this.requireOpenOrder(orderId);
    const line = order.lines.find((l) => l.lineId === lineId);
    return this.asChange(order, () => {
      this.chooseRestock(lineId, options.restock);
      super.cancelLine(orderId, lineId, quantity, { restock: this.restocks(lineId, line?.listingId ?? '') });
    });
  }

  /**
   * Events as the order API reveals them: ids derived from order data, times to the second. The
   * order API has no returned quantity, so a return made on the sandbox stays out of them.
   */
  override events(): SandboxOrderEvent[] {
    return super.events().filter(reportedByOrderApi).map((e) => this.observed(e));
  }

  override eventsAfter(seq: number, limit: number): SandboxOrderEvent[] {
    return super.events().filter((e) => e.seq > seq && reportedByOrderApi(e)).slice(0, limit).map((e) => this.observed(e));
  }

  /** The kit's own events (sequential ids, millisecond times), for building order models. */
  rawEventsOf(orderId: string): SandboxOrderEvent[] {
    return super.events().filter((e) => e.orderId === orderId);
  }

  orderIds(): string[] {
    return [...new Set(super.events().map((e) => e.orderId))];
  }

  changesOf(orderId: string): SandboxChange[] {
    return (this.changesByOrder.get(orderId) ?? []).map((c) => ({ ...c, lines: c.lines.map((l) => ({ ...l })) }));
  }

  restoreFlagOf(lineId: string): RestoreInventoryFlag {
    return this.restoreFlags.get(lineId) ?? 0;
  }

  itemDetailIdOf(lineId: string): number {
    const id = this.detailIds.get(lineId);
    if (id === undefined) {
      throw new SandboxOrderError(`No order line ${lineId} on this channel`);
    }
    return id;
  }

  private observed(event: SandboxOrderEvent): SandboxOrderEvent {
    const changeId = this.changeByEventSeq.get(event.seq);
    const eventId = event.status === 'cancelled' ? `${event.lineId}:cancelled:${changeId}` : `${event.lineId}:${event.status}`;
    return { ...event, eventId, occurredAt: new Date(floorToSecond(Date.parse(event.occurredAt))).toISOString() };
  }

  /** The line's restoreInventoryFlag as the shop sets it before cancelling; nothing changes without a choice. */
  private chooseRestock(lineId: string, restock: boolean | undefined): void {
    if (restock !== undefined && this.restoreFlags.has(lineId)) {
      this.restoreFlags.set(lineId, restock ? 1 : 2);
    }
  }

  private restocks(lineId: string, listingId: string): boolean {
    const flag = this.restoreFlags.get(lineId) ?? 0;
    return flag === 0 ? this.variantRestocksOnCancel(listingId) : flag === 1;
  }

  private requireOpenOrder(orderId: string): SandboxOrder {
    const order = this.order(orderId);
    if (!order) {
      throw new SandboxOrderError(`No order ${orderId} on this channel`);
    }
    return order;
  }

  private asChange(order: SandboxOrder, cancel: () => void): SandboxOrder {
    const before = super.events().length;
    cancel();
    const added = super.events().slice(before);
    this.changeSeq += 1;
    // The change carries the time of its events, so both report the same second.
    const at = added.length > 0 ? Date.parse(added[0].occurredAt) : this.now();
    const change: SandboxChange = { changeId: this.changeSeq, at, lines: [] };
    for (const event of added) {
      this.changeByEventSeq.set(event.seq, change.changeId);
      change.lines.push({ lineId: event.lineId, units: event.quantity });
    }
    this.changesByOrder.set(order.orderId, [...(this.changesByOrder.get(order.orderId) ?? []), change]);
    this.touch(order.lines.map((l) => l.listingId));
    return this.order(order.orderId) as SandboxOrder;
  }

  private touch(listingIds: readonly string[]): void {
    const now = this.now();
    for (const id of listingIds) {
      const record = this.records.get(id);
      if (record) {
        record.updated = now;
      }
    }
  }

  private nextOrderNumber(): string {
    this.orderSeq += 1;
    const day = new Date(this.now() + 9 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
    return `${this.shopNumber}-${day}-${String(this.orderSeq).padStart(10, '0')}`;
  }
}
