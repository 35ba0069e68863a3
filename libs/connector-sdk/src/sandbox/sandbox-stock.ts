import type { OrderEvent, OrderLineStatus } from '../connector/connector.types';
import type { Clock } from '../rate-limit/token-bucket';

export interface SandboxListing {
  listingId: string;
  sellerSku: string | null;
  jan: string | null;
  title: string;
  /** The quantity the channel displays and sells from. */
  quantity: number;
  /** "Keep selling when out of stock": the setting that defeats stock control. */
  oversellAllowed: boolean;
}

export interface SandboxOrderLine {
  lineId: string;
  listingId: string;
  quantity: number;
  cancelled: number;
  /** Units this line has taken from the displayed stock and not given back. */
  taken: number;
  /** Shipped units the buyer sent back. */
  returned: number;
}

export interface SandboxOrder {
  orderId: string;
  status: 'created' | 'paid' | 'cancelled' | 'shipped';
  lines: SandboxOrderLine[];
}

export interface SandboxOrderEvent extends OrderEvent {
  /** Position in the channel's event stream, for cursors. */
  seq: number;
}

export class SandboxOrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxOrderError';
  }
}

export interface SandboxStockOptions {
  /** When the channel lowers its displayed stock: at the order (Rakuten, Shopify) or at payment. */
  stockLoweredOn: 'order-created' | 'order-paid';
  clock?: Clock;
}

/**
 * The channel's side of the story: the quantities it displays and the orders it takes. Orders lower
 * the displayed stock the way the real channel does, before anyone tells urikiri: that is the write
 * race every connector must survive. Each order change appends an event to the channel's stream.
 */
export class SandboxStock {
  private readonly listingsById = new Map<string, SandboxListing>();
  private readonly ordersById = new Map<string, SandboxOrder>();
  private readonly stream: SandboxOrderEvent[] = [];
  private readonly stockLoweredOn: SandboxStockOptions['stockLoweredOn'];
  private readonly clock: Clock;
  private orderCount = 0;

  constructor(options: SandboxStockOptions) {
    this.stockLoweredOn = options.stockLoweredOn;
    this.clock = options.clock ?? Date.now;
  }

  upsertListing(input: Partial<SandboxListing> & { listingId: string }): SandboxListing {
    const existing = this.listingsById.get(input.listingId);
    const listing: SandboxListing = {
      sellerSku: null,
      jan: null,
      title: input.listingId,
      quantity: 0,
      oversellAllowed: false,
      ...existing,
      ...input,
    };
    this.assertQuantity(listing.quantity, `listing ${listing.listingId} quantity`);
    this.listingsById.set(listing.listingId, listing);
    return { ...listing };
  }

  listing(listingId: string): SandboxListing | null {
    const found = this.listingsById.get(listingId);
    return found ? { ...found } : null;
  }

  listings(): SandboxListing[] {
    return [...this.listingsById.values()].map((l) => ({ ...l }));
  }

  quantity(listingId: string): number {
    return this.require(listingId).quantity;
  }

  setQuantity(listingId: string, quantity: number): void {
    this.assertQuantity(quantity, 'quantity');
    this.require(listingId).quantity = quantity;
  }

  /** Adds a delta (negative lowers); refuses to go below zero, as the channels do. */
  adjustQuantity(listingId: string, delta: number): number {
    const listing = this.require(listingId);
    this.assertQuantity(listing.quantity + delta, `quantity after adding ${delta}`);
    listing.quantity += delta;
    return listing.quantity;
  }

  /** Writes `quantity` only if the channel still shows `expected`; returns what it shows after. */
  compareAndSet(listingId: string, expected: number, quantity: number): { applied: boolean; quantity: number } {
    const listing = this.require(listingId);
    if (listing.quantity !== expected) {
      return { applied: false, quantity: listing.quantity };
    }
    this.assertQuantity(quantity, 'quantity');
    listing.quantity = quantity;
    return { applied: true, quantity };
  }

  /** A buyer orders; the displayed stock drops now if the channel takes stock at order time. */
  createOrder(input: { orderId?: string; lines: { listingId: string; quantity: number }[] }): SandboxOrder {
    if (input.lines.length === 0) {
      throw new SandboxOrderError('An order needs at least one line');
    }
    this.orderCount += 1;
    const orderId = input.orderId ?? `order-${String(this.orderCount).padStart(6, '0')}`;
    if (this.ordersById.has(orderId)) {
      throw new SandboxOrderError(`Order ${orderId} already exists`);
    }
    const lines = input.lines.map((line, index) => {
      if (!Number.isInteger(line.quantity) || line.quantity < 1) {
        throw new SandboxOrderError(`lines[${index}].quantity must be an integer of at least 1, got ${line.quantity}`);
      }
      this.assertSellable(line.listingId, line.quantity);
      return { lineId: `${orderId}-${index + 1}`, listingId: line.listingId, quantity: line.quantity, cancelled: 0, taken: 0, returned: 0 };
    });
    const order: SandboxOrder = { orderId, status: 'created', lines };
    this.ordersById.set(orderId, order);
    for (const line of lines) {
      if (this.stockLoweredOn === 'order-created') {
        this.take(line, line.quantity);
      }
      this.emit(order, line, 'created', line.quantity);
    }
    return structuredClone(order);
  }

  payOrder(orderId: string): SandboxOrder {
    const order = this.requireOrder(orderId, ['created']);
    order.status = 'paid';
    for (const line of this.activeLines(order)) {
      const open = line.quantity - line.cancelled;
      if (this.stockLoweredOn === 'order-paid') {
        this.assertSellable(line.listingId, open);
        this.take(line, open);
      }
      this.emit(order, line, 'paid', open);
    }
    return structuredClone(order);
  }

  /**
   * Cancels what is left of every line; `restock` (default true) gives the taken units back
   * (Rakuten's restoreInventoryFlag, Shopify's restockType). Each `cancelled` event says which
   * (`restocked`); a channel sandbox whose API does not tell leaves it out of the events it shows.
   */
  cancelOrder(orderId: string, options: { restock?: boolean } = {}): SandboxOrder {
    const order = this.requireOrder(orderId, ['created', 'paid']);
    for (const line of this.activeLines(order)) {
      this.cancelUnits(order, line, line.quantity - line.cancelled, options.restock ?? true);
    }
    order.status = 'cancelled';
    return structuredClone(order);
  }

  /** Cancels `quantity` units of one line, e.g. one of three pieces the buyer no longer wants; `restock` as for cancelOrder. */
  cancelLine(orderId: string, lineId: string, quantity: number, options: { restock?: boolean } = {}): SandboxOrder {
    const order = this.requireOrder(orderId, ['created', 'paid']);
    const line = order.lines.find((l) => l.lineId === lineId);
    if (!line) {
      throw new SandboxOrderError(`Order ${orderId} has no line ${lineId}; lines: ${order.lines.map((l) => l.lineId).join(', ')}`);
    }
    const open = line.quantity - line.cancelled;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > open) {
      throw new SandboxOrderError(`Line ${lineId} has ${open} units left to cancel; got ${quantity}`);
    }
    this.cancelUnits(order, line, quantity, options.restock ?? true);
    if (order.lines.every((l) => l.cancelled === l.quantity)) {
      order.status = 'cancelled';
    }
    return structuredClone(order);
  }

  shipOrder(orderId: string): SandboxOrder {
    const order = this.requireOrder(orderId, ['paid']);
    order.status = 'shipped';
    for (const line of this.activeLines(order)) {
      this.emit(order, line, 'shipped', line.quantity - line.cancelled);
    }
    return structuredClone(order);
  }

  /**
   * The buyer sends back `quantity` shipped units of one line; `restock` (default false) puts them
   * back on display, as a channel that restocks returns does. Emits a `returned` event; a channel
   * sandbox whose API does not report returns leaves such events out of what it shows.
   */
  returnLine(orderId: string, lineId: string, quantity: number, options: { restock?: boolean } = {}): SandboxOrder {
    const order = this.requireOrder(orderId, ['shipped']);
    const line = order.lines.find((l) => l.lineId === lineId);
    if (!line) {
      throw new SandboxOrderError(`Order ${orderId} has no line ${lineId}; lines: ${order.lines.map((l) => l.lineId).join(', ')}`);
    }
    const returnable = line.quantity - line.cancelled - line.returned;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > returnable) {
      throw new SandboxOrderError(`Line ${lineId} has ${returnable} shipped units that can come back; got ${quantity}`);
    }
    line.returned += quantity;
    const restock = options.restock ?? false;
    if (restock) {
      this.require(line.listingId).quantity += quantity;
    }
    this.emit(order, line, 'returned', quantity, restock);
    return structuredClone(order);
  }

  order(orderId: string): SandboxOrder | null {
    const found = this.ordersById.get(orderId);
    return found ? structuredClone(found) : null;
  }

  /** The channel's event stream, oldest first. */
  events(): SandboxOrderEvent[] {
    return this.stream.map((e) => ({ ...e }));
  }

  /** Up to `limit` events after stream position `seq`. */
  eventsAfter(seq: number, limit: number): SandboxOrderEvent[] {
    return this.stream.filter((e) => e.seq > seq).slice(0, limit).map((e) => ({ ...e }));
  }

  private cancelUnits(order: SandboxOrder, line: SandboxOrderLine, quantity: number, restock: boolean): void {
    line.cancelled += quantity;
    if (restock) {
      const back = Math.min(quantity, line.taken);
      line.taken -= back;
      this.require(line.listingId).quantity += back;
    }
    this.emit(order, line, 'cancelled', quantity, restock);
  }

  private activeLines(order: SandboxOrder): SandboxOrderLine[] {
    return order.lines.filter((l) => l.cancelled < l.quantity);
  }

  private take(line: SandboxOrderLine, quantity: number): void {
    const listing = this.require(line.listingId);
    // A listing that keeps selling when out of stock goes below zero on the channel: an oversell.
    listing.quantity -= quantity;
    line.taken += quantity;
  }

  private assertSellable(listingId: string, quantity: number): void {
    const listing = this.require(listingId);
    if (!listing.oversellAllowed && listing.quantity < quantity) {
      throw new SandboxOrderError(`Listing ${listingId} shows ${listing.quantity}; the channel does not sell ${quantity}`);
    }
  }

  private emit(order: SandboxOrder, line: SandboxOrderLine, status: OrderLineStatus, quantity: number, restocked?: boolean): void {
    const seq = this.stream.length + 1;
    this.stream.push({
      seq,
      eventId: `evt-${String(seq).padStart(8, '0')}`,
      orderId: order.orderId,
      lineId: line.lineId,
      listingId: line.listingId,
      sellerSku: this.require(line.listingId).sellerSku,
      status,
      quantity,
      occurredAt: new Date(this.clock()).toISOString(),
      ...(restocked === undefined ? {} : { restocked }),
    });
  }

  private require(listingId: string): SandboxListing {
    const listing = this.listingsById.get(listingId);
    if (!listing) {
      throw new SandboxOrderError(`No listing ${listingId} on this channel`);
    }
    return listing;
  }

  private requireOrder(orderId: string, allowed: SandboxOrder['status'][]): SandboxOrder {
    const order = this.ordersById.get(orderId);
    if (!order) {
      throw new SandboxOrderError(`No order ${orderId} on this channel`);
    }
    if (!allowed.includes(order.status)) {
      throw new SandboxOrderError(`Order ${orderId} is ${order.status}; this step needs it ${allowed.join(' or ')}`);
    }
    return order;
  }

  private assertQuantity(quantity: number, what: string): void {
    if (!Number.isInteger(quantity) || quantity < 0) {
      throw new RangeError(`${what} must be an integer of 0 or more, got ${quantity}`);
    }
  }
}
