import { randomStream, type RandomSource } from '../random/seeded-random';
import { exponential, gamma, poisson } from '../random/random-variates';
import type { Scenario, ScenarioChannel, TimeShape } from './scenario.types';

/**
 * Draws one run's orders for one SKU on every channel: per day a negative binomial count (a gamma
 * day effect shared by the regular and the promotion demand, then Poisson), times from the day's
 * shape, sizes, and for channels that hold stock at the cart whether and when the cart checks out.
 * The stream is keyed by (seed, run, SKU, channel), so every policy meets exactly these buyers.
 */
export interface Arrivals {
  readonly count: number;
  readonly time: Float64Array;
  readonly channel: Uint8Array;
  readonly quantity: Uint16Array;
  /** For cart channels: ms from cart to order, or -1 when the cart is abandoned. */
  readonly checkoutAfter: Float64Array;
}

export class ArrivalBuffer implements Arrivals {
  count = 0;
  time = new Float64Array(256);
  channel = new Uint8Array(256);
  quantity = new Uint16Array(256);
  checkoutAfter = new Float64Array(256);
  private keys = new Float64Array(256);

  reset(): void {
    this.count = 0;
  }

  push(time: number, channel: number, quantity: number, checkoutAfter: number): void {
    if (this.count === this.time.length) this.grow();
    const i = this.count++;
    this.time[i] = time;
    this.channel[i] = channel;
    this.quantity[i] = quantity;
    this.checkoutAfter[i] = checkoutAfter;
  }

  /**
   * Sorts by time. Each key packs the whole milliseconds since `origin` above the arrival's index, so
   * a plain numeric sort of a Float64Array (no comparator calls) orders by time and breaks ties by
   * generation order (channel by channel), which keeps runs reproducible. 14 days of milliseconds
   * times 2^21 arrivals stays below 2^53, where doubles are still exact integers.
   */
  sort(origin: number): void {
    const n = this.count;
    if (this.keys.length < n) this.keys = new Float64Array(this.time.length);
    const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
    const scale = 2 ** bits;
    const keys = this.keys.subarray(0, n);
    for (let i = 0; i < n; i++) keys[i] = Math.floor(this.time[i] - origin) * scale + i;
    keys.sort();
    const time = this.time.slice(0, n);
    const channel = this.channel.slice(0, n);
    const quantity = this.quantity.slice(0, n);
    const checkoutAfter = this.checkoutAfter.slice(0, n);
    for (let i = 0; i < n; i++) {
      const from = keys[i] % scale;
      this.time[i] = time[from];
      this.channel[i] = channel[from];
      this.quantity[i] = quantity[from];
      this.checkoutAfter[i] = checkoutAfter[from];
    }
  }

  private grow(): void {
    const size = this.time.length * 2;
    const time = new Float64Array(size);
    time.set(this.time);
    const channel = new Uint8Array(size);
    channel.set(this.channel);
    const quantity = new Uint16Array(size);
    quantity.set(this.quantity);
    const checkoutAfter = new Float64Array(size);
    checkoutAfter.set(this.checkoutAfter);
    this.time = time;
    this.channel = channel;
    this.quantity = quantity;
    this.checkoutAfter = checkoutAfter;
  }
}

/** Fills `buffer` with the SKU's arrivals in this run; returns the units that would complete as orders. */
export function generateArrivals(
  scenario: Scenario,
  run: number,
  skuIndex: number,
  buffer: ArrivalBuffer,
): number {
  buffer.reset();
  let demandUnits = 0;
  const sku = scenario.skus[skuIndex];
  for (let c = 0; c < scenario.channels.length; c++) {
    const channel = scenario.channels[c];
    const demand = sku.channels[c];
    const draw: DayDraw = {
      scenario,
      channelIndex: c,
      channel,
      random: randomStream(scenario.seed, run, skuIndex, c),
      buffer,
    };
    const cartsPerOrder =
      channel.reservesAt === 'cart' && channel.checkoutRate > 0 ? 1 / channel.checkoutRate : 1;
    for (let day = 0; day < scenario.dayStarts.length; day++) {
      const rate = demand.dailyOrders[day] * cartsPerOrder;
      if (rate <= 0) continue;
      const dayEffect = Number.isFinite(demand.dispersion)
        ? gamma(draw.random, demand.dispersion) / demand.dispersion
        : 1;
      const regular = scenario.shapes[0];
      demandUnits += drawDay(draw, regular, day, dayEffect * rate * regular.massByDay[day]);
      for (const promotion of demand.promotions) {
        const shape = scenario.shapes[promotion.shape];
        demandUnits += drawDay(draw, shape, day, dayEffect * rate * promotion.extra * shape.massByDay[day]);
      }
    }
  }
  buffer.sort(scenario.from);
  return demandUnits;
}

interface DayDraw {
  readonly scenario: Scenario;
  readonly channelIndex: number;
  readonly channel: ScenarioChannel;
  readonly random: RandomSource;
  readonly buffer: ArrivalBuffer;
}

/** Draws one day's arrivals of one shape; returns the units that complete as orders. */
function drawDay(draw: DayDraw, shape: TimeShape, day: number, mean: number): number {
  const { scenario, channel, random } = draw;
  const count = poisson(random, mean);
  const cumulative = shape.cumulativeByDay[day];
  const total = cumulative[cumulative.length - 1];
  const orderSizeP = 1 / scenario.unitsPerOrder;
  const atCart = channel.reservesAt === 'cart';
  let units = 0;
  for (let n = 0; n < count; n++) {
    const slot = findSlot(cumulative, random.next() * total);
    const time = scenario.dayStarts[day] + (slot + random.next()) * scenario.slotMs;
    // Sizes are 1 + geometric, so the mean order is `unitsPerOrder` units.
    const quantity =
      orderSizeP >= 1 ? 1 : 1 + Math.floor(Math.log(1 - random.next()) / Math.log(1 - orderSizeP));
    const checkoutAfter = !atCart
      ? 0
      : random.next() < channel.checkoutRate
        ? Math.min(exponential(random, channel.checkoutMeanMs), channel.cartHoldMs * 0.999)
        : -1;
    // A slot straddling an edge of the window can yield a time just outside it.
    if (time < scenario.from || time >= scenario.to) continue;
    if (checkoutAfter >= 0) units += quantity;
    draw.buffer.push(time, draw.channelIndex, quantity, checkoutAfter);
  }
  return units;
}

function findSlot(cumulative: Float64Array, target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle] > target) high = middle;
    else low = middle + 1;
  }
  return low;
}
