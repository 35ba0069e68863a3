import {
  allocateUnit,
  type AllocationUnit,
  type CompiledRuleSet,
  type ListingInput,
} from '@urikiri/allocation';
import type { SyncSpec } from '../input/plan.schema';
import type { Arrivals } from './order-arrival.generator';
import { EventHeap } from './event-heap';
import { IngestQueues } from './ingest-queue';
import type { RunMetrics } from './run-metrics';
import type { Scenario, SkuScenario } from './scenario.types';
import { pushStartAfter } from './sync-schedule';

/**
 * The sale of one SKU during one run under one policy, event by event:
 * - a channel sells only what it shows; where it reserves at the cart, the hold lowers what it shows
 *   until the buyer checks out or the hold expires;
 * - a sale takes physical stock; a sale with none left is an oversell (a backorder that the next
 *   inbound fills first, as the ledger does);
 * - the order reaches the ledger after the channel's import delay; every ledger change, and every
 *   instant a rule's window opens or closes, runs the allocation rules (libs/allocation) and marks
 *   changed listings for a push;
 * - a push starts at once (event-driven, one in flight per listing, coalesced) or at the next tick
 *   (interval) and lands after the channel's latency, showing target − the channel's sales the
 *   ledger had not seen when the target was computed − open cart holds, never less than 0.
 * SKUs never share stock, so each is simulated on its own; that keeps the event heap tiny.
 */
// Rare events go through the heap; ingests, push starts and push landings have their own cheaper
// per-channel slots (see the main loop).
const CHECKOUT = 1;
const HOLD_EXPIRE = 2;
const INBOUND = 3;
const RULES_CHANGE = 4;

const FROM_ARRIVALS = 0;
const FROM_HEAP = 1;
const FROM_INGEST = 2;
const FROM_LAND = 3;
const FROM_START = 4;

const HOUR_MS = 3_600_000;

export interface CompiledPolicy {
  readonly name: string;
  readonly ruleSet: CompiledRuleSet;
  readonly syncByChannel: readonly SyncSpec[];
  /** Instants inside the window where a rule's window opens or closes: the service reallocates then. */
  readonly ruleChanges: readonly number[];
}

/** The instants in (from, to) at which some rule of the set comes into or goes out of force. */
export function ruleChangesWithin(ruleSet: CompiledRuleSet, from: number, to: number): number[] {
  const instants = new Set<number>();
  for (const rule of ruleSet.rules) {
    for (const instant of [rule.fromMs, rule.toMs]) {
      if (instant > from && instant < to) instants.add(instant);
    }
  }
  return [...instants].sort((a, b) => a - b);
}

export class SkuSaleSimulator {
  private readonly heap = new EventHeap();
  private readonly channelCount: number;
  private readonly shown: Float64Array;
  private readonly soldOnChannel: Float64Array;
  private readonly ingested: Float64Array;
  private readonly holds: Float64Array;
  private readonly target: Float64Array;
  private readonly snapTarget: Float64Array;
  private readonly snapIngested: Float64Array;
  private readonly ingests: IngestQueues;
  /** When the channel's push in flight lands; Infinity when none is (one in flight per listing). */
  private readonly landAt: Float64Array;
  /** When the channel's next interval push starts; Infinity when none is due. */
  private readonly startAt: Float64Array;
  private readonly dirtyAgain: Uint8Array;
  private readonly zeroSince: Float64Array;
  private readonly turnedAwayLag: Float64Array;
  private readonly turnedAwayRules: Float64Array;

  private readonly quantities: number[] = [];
  private physical = 0;
  private backorders = 0;
  private ledger = 0;
  private now = 0;
  private skuIndex = 0;
  private stock: { sku: string; available: number; tags?: readonly string[]; category?: string } = {
    sku: '',
    available: 0,
  };
  private unit: AllocationUnit = { skus: [], listings: [] };
  private sku!: SkuScenario;
  private policy!: CompiledPolicy;
  private metrics!: RunMetrics;

  constructor(private readonly scenario: Scenario) {
    const n = scenario.channels.length;
    this.channelCount = n;
    this.shown = new Float64Array(n);
    this.soldOnChannel = new Float64Array(n);
    this.ingested = new Float64Array(n);
    this.holds = new Float64Array(n);
    this.target = new Float64Array(n);
    this.snapTarget = new Float64Array(n);
    this.snapIngested = new Float64Array(n);
    this.ingests = new IngestQueues(n);
    this.landAt = new Float64Array(n);
    this.startAt = new Float64Array(n);
    this.dirtyAgain = new Uint8Array(n);
    this.zeroSince = new Float64Array(n);
    this.turnedAwayLag = new Float64Array(n);
    this.turnedAwayRules = new Float64Array(n);
  }

  /** The listings the rules see for a SKU: one per channel, with its baseline as sales velocity. */
  static listingsFor(scenario: Scenario, sku: SkuScenario): ListingInput[] {
    return scenario.channels.map((channel, c) => ({
      listingId: `${channel.id}:${sku.sku}`,
      channel: channel.id,
      account: 'main',
      item: { sku: sku.sku },
      active: true,
      velocityPerDay: sku.channels[c].velocityPerDay,
    }));
  }

  simulate(
    skuIndex: number,
    listings: readonly ListingInput[],
    arrivals: Arrivals,
    policy: CompiledPolicy,
    metrics: RunMetrics,
  ): void {
    const scenario = this.scenario;
    const sku = scenario.skus[skuIndex];
    this.sku = sku;
    this.skuIndex = skuIndex;
    this.stock = { sku: sku.sku, available: sku.initial, tags: sku.tags, category: sku.category };
    this.unit = { skus: [this.stock], listings };
    this.policy = policy;
    this.metrics = metrics;
    this.heap.clear();
    this.ingests.clear();
    this.physical = sku.initial;
    this.backorders = 0;
    this.ledger = sku.initial;
    this.now = scenario.from;
    metrics.initial += sku.initial;
    metrics.physicalByHour[0] += sku.initial;
    for (const inbound of sku.inbound) {
      if (inbound.at >= scenario.from && inbound.at < scenario.to)
        this.heap.push(inbound.at, INBOUND, 0, inbound.quantity);
    }
    for (const instant of policy.ruleChanges) this.heap.push(instant, RULES_CHANGE, 0, 0);
    const quantities = this.allocate(this.ledger);
    for (let c = 0; c < this.channelCount; c++) {
      this.soldOnChannel[c] = 0;
      this.ingested[c] = 0;
      this.holds[c] = 0;
      this.landAt[c] = Infinity;
      this.startAt[c] = Infinity;
      this.dirtyAgain[c] = 0;
      this.turnedAwayLag[c] = 0;
      this.turnedAwayRules[c] = 0;
      this.target[c] = quantities[c];
      this.shown[c] = quantities[c];
      this.zeroSince[c] = quantities[c] === 0 ? scenario.from : -1;
      metrics.shownByHour[c][0] += quantities[c];
    }

    const end = scenario.to;
    const channels = this.channelCount;
    let next = 0;
    // Earliest event first; on equal times the order of the checks below decides, so runs repeat.
    for (;;) {
      let time = next < arrivals.count ? arrivals.time[next] : Infinity;
      let source = FROM_ARRIVALS;
      let channel = 0;
      const heapTime = this.heap.peekTime();
      if (heapTime < time) {
        time = heapTime;
        source = FROM_HEAP;
      }
      for (let c = 0; c < channels; c++) {
        const ingestTime = this.ingests.headTime(c);
        if (ingestTime < time) {
          time = ingestTime;
          source = FROM_INGEST;
          channel = c;
        }
        if (this.landAt[c] < time) {
          time = this.landAt[c];
          source = FROM_LAND;
          channel = c;
        }
        if (this.startAt[c] < time) {
          time = this.startAt[c];
          source = FROM_START;
          channel = c;
        }
      }
      if (time >= end) break;
      this.now = time;
      switch (source) {
        case FROM_ARRIVALS:
          this.onArrival(arrivals.channel[next], arrivals.quantity[next], arrivals.checkoutAfter[next]);
          next++;
          break;
        case FROM_HEAP:
          this.heap.pop();
          this.onEvent(this.heap.topKind, this.heap.topChannel, this.heap.topQuantity);
          break;
        case FROM_INGEST:
          this.ingest(channel, this.ingests.shift(channel));
          break;
        case FROM_LAND:
          this.land(channel);
          break;
        case FROM_START:
          this.startAt[channel] = Infinity;
          this.startPush(channel);
          break;
      }
    }
    this.finish(end);
  }

  private onEvent(kind: number, c: number, quantity: number): void {
    switch (kind) {
      case CHECKOUT:
        this.holds[c] -= quantity;
        this.sell(c, quantity);
        break;
      case HOLD_EXPIRE:
        this.holds[c] -= quantity;
        this.setShown(c, this.shown[c] + quantity);
        break;
      case INBOUND:
        this.receive(quantity);
        break;
      case RULES_CHANGE:
        this.reallocate();
        break;
    }
  }

  private ingest(c: number, quantity: number): void {
    this.ingested[c] += quantity;
    this.ledger -= quantity;
    this.reallocate();
    this.markDirty(c);
  }

  private onArrival(c: number, quantity: number, checkoutAfter: number): void {
    const channel = this.scenario.channels[c];
    if (this.shown[c] >= quantity) {
      this.setShown(c, this.shown[c] - quantity);
      if (channel.reservesAt === 'cart') {
        this.holds[c] += quantity;
        if (checkoutAfter >= 0) this.heap.push(this.now + checkoutAfter, CHECKOUT, c, quantity);
        else this.heap.push(this.now + channel.cartHoldMs, HOLD_EXPIRE, c, quantity);
      } else {
        this.sell(c, quantity);
      }
      return;
    }
    // An abandoned cart was never going to be an order, shown or not.
    if (channel.reservesAt === 'cart' && checkoutAfter < 0) return;
    this.recordShortfall(c, quantity);
  }

  private sell(c: number, quantity: number): void {
    const metrics = this.metrics;
    this.soldOnChannel[c] += quantity;
    const fromStock = Math.min(quantity, this.physical);
    const over = quantity - fromStock;
    this.physical -= fromStock;
    metrics.sold += fromStock;
    metrics.channels[c].sold += fromStock;
    this.addPhysical(-fromStock);
    if (over > 0) {
      this.backorders += over;
      metrics.oversold += over;
      metrics.channels[c].oversold += over;
      metrics.skuOversold[this.skuIndex] += over;
    }
    if (this.physical === 0) metrics.skuSoldOut[this.skuIndex] = 1;
    this.ingests.push(c, this.now + this.scenario.channels[c].importDelayMs, quantity);
  }

  /**
   * Demand the channel could not serve. If free stock existed anywhere the buyer was turned away
   * (売り逃し): because of sync lag when the rules, fed the true free stock, would have shown the
   * units on this channel; by the rules' choice otherwise. Without free stock it is a true stock-out.
   */
  private recordShortfall(c: number, quantity: number): void {
    const metrics = this.metrics;
    let openHolds = 0;
    for (let k = 0; k < this.channelCount; k++) openHolds += this.holds[k];
    const free = this.physical - openHolds;
    const turnedAway = Math.max(0, Math.min(quantity, free));
    metrics.unmet += quantity - turnedAway;
    if (this.physical === 0) metrics.skuSoldOut[this.skuIndex] = 1;
    if (turnedAway === 0) return;
    // Free stock never exceeds what the ledger counts while any is free (unseen sales only lower
    // it), the rules in force are those of the last allocation (rule changes reallocate), and more
    // stock never lowers a quantity: so when the current target is short, the rules chose it, and
    // only otherwise is the allocation of the true free stock needed.
    const syncLag = this.target[c] >= turnedAway && this.allocate(free)[c] >= turnedAway;
    if (syncLag) this.turnedAwayLag[c] += turnedAway;
    else this.turnedAwayRules[c] += turnedAway;
  }

  private receive(quantity: number): void {
    this.metrics.inbound += quantity;
    const filled = Math.min(this.backorders, quantity);
    this.backorders -= filled;
    this.metrics.sold += filled;
    this.physical += quantity - filled;
    this.addPhysical(quantity - filled);
    this.ledger += quantity;
    this.reallocate();
  }

  private reallocate(): void {
    const quantities = this.allocate(Math.max(0, this.ledger));
    for (let c = 0; c < this.channelCount; c++) {
      if (quantities[c] !== this.target[c]) {
        this.target[c] = quantities[c];
        this.markDirty(c);
      }
    }
  }

  private allocate(available: number): readonly number[] {
    this.metrics.allocations++;
    // The engine reads its input and keeps nothing, so one unit object per SKU is reused.
    this.stock.available = available;
    const listings = allocateUnit(this.policy.ruleSet, this.unit, { now: this.now }).listings;
    for (let c = 0; c < this.channelCount; c++) this.quantities[c] = listings[c].quantity;
    return this.quantities;
  }

  private markDirty(c: number): void {
    const spec = this.policy.syncByChannel[c];
    if (spec.mode === 'interval') {
      if (this.startAt[c] === Infinity) this.startAt[c] = pushStartAfter(spec, this.now, this.scenario.from);
      return;
    }
    this.startPush(c);
  }

  /** Snapshots the target and what the ledger has seen; with a push already in flight, follows it. */
  private startPush(c: number): void {
    if (this.landAt[c] !== Infinity) {
      this.dirtyAgain[c] = 1;
      return;
    }
    this.snapTarget[c] = this.target[c];
    this.snapIngested[c] = this.ingested[c];
    this.landAt[c] = this.now + this.scenario.channels[c].pushLatencyMs;
  }

  private land(c: number): void {
    const unseenSales = this.soldOnChannel[c] - this.snapIngested[c];
    this.setShown(c, Math.max(0, this.snapTarget[c] - unseenSales - this.holds[c]));
    this.landAt[c] = Infinity;
    if (this.dirtyAgain[c] === 1) {
      this.dirtyAgain[c] = 0;
      this.startPush(c);
    }
  }

  private setShown(c: number, value: number): void {
    const before = this.shown[c];
    if (value === before) return;
    if (before === 0) {
      this.metrics.channels[c].stockOutHours += (this.now - this.zeroSince[c]) / HOUR_MS;
      this.zeroSince[c] = -1;
    } else if (value === 0) {
      this.zeroSince[c] = this.now;
    }
    this.shown[c] = value;
    this.metrics.shownByHour[c][this.hourIndex()] += value - before;
  }

  private addPhysical(delta: number): void {
    if (delta !== 0) this.metrics.physicalByHour[this.hourIndex()] += delta;
  }

  private hourIndex(): number {
    return Math.ceil((this.now - this.scenario.from) / HOUR_MS);
  }

  /**
   * A buyer turned away costs a sale only if the unit is still there at the end: a unit that another
   * channel sold later was not lost. So the lost sales of a SKU are its turned-away units capped by
   * its leftover, split over channels and causes in proportion to the turned-away units.
   */
  private finish(end: number): void {
    const metrics = this.metrics;
    let turnedAway = 0;
    for (let c = 0; c < this.channelCount; c++) {
      if (this.shown[c] === 0) metrics.channels[c].stockOutHours += (end - this.zeroSince[c]) / HOUR_MS;
      turnedAway += this.turnedAwayLag[c] + this.turnedAwayRules[c];
    }
    metrics.leftover += this.physical;
    metrics.backordersOpen += this.backorders;
    if (turnedAway === 0) return;
    metrics.turnedAway += turnedAway;
    const lostShare = Math.min(turnedAway, this.physical) / turnedAway;
    metrics.skuLost[this.skuIndex] += lostShare * turnedAway;
    for (let c = 0; c < this.channelCount; c++) {
      const lag = lostShare * this.turnedAwayLag[c];
      const rules = lostShare * this.turnedAwayRules[c];
      metrics.lostSyncLag += lag;
      metrics.lostRules += rules;
      metrics.channels[c].lostSyncLag += lag;
      metrics.channels[c].lostRules += rules;
    }
  }
}
