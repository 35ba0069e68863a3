import { SeededRandom } from '@urikiri/connector-sdk/testing';
import { DEMO_CHANNEL_IDS, type DemoChannelId } from '../demo/demo-channel-ids';
import type { LoadProduct } from './load-catalogue';
import type { LoadScenario } from './load-scenario';

/** A buyer reaching a channel's item page: when (from the start of the run), where, what, how many. */
export interface Arrival {
  atMs: number;
  channel: DemoChannelId;
  product: LoadProduct;
  quantity: number;
}

/**
 * The run's buyers, all drawn from the seed: a Poisson stream at `ordersPerSecond`, each buyer on a
 * channel by the channel shares and on a SKU by its demand share; nine in ten buy one unit, one in
 * ten two (MEAN_UNITS_PER_ORDER). Every mode of a run meets exactly the same buyers.
 */
export function arrivalsOf(scenario: LoadScenario, products: readonly LoadProduct[]): Arrival[] {
  const random = new SeededRandom(scenario.seed + 1);
  const channels = weightedPicker(DEMO_CHANNEL_IDS.map((c) => [c, scenario.channelShares[c]] as const));
  const skus = weightedPicker(products.map((p) => [p, p.demandShare] as const));
  const arrivals: Arrival[] = [];
  let at = 0;
  for (;;) {
    at += -Math.log(1 - random.next()) * (1000 / scenario.ordersPerSecond);
    if (at >= scenario.durationMs) return arrivals;
    arrivals.push({ atMs: at, channel: channels(random.next()), product: skus(random.next()), quantity: random.chance(0.1) ? 2 : 1 });
  }
}

/** Picks by weight with one uniform draw (binary search over the cumulative weights). */
function weightedPicker<T>(entries: ReadonlyArray<readonly [T, number]>): (u: number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) cumulative.push((total += weight));
  return (u) => {
    const target = u * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    return entries[low][0];
  };
}
