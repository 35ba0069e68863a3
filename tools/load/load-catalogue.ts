import { SeededRandom } from '@urikiri/connector-sdk/testing';
import { SHOPIFY_LOCATION } from '../demo/demo-catalogue';
import type { DemoChannelId } from '../demo/demo-channel-ids';
import type { LoadScenario } from './load-scenario';

/** One SKU of a load run, listed once on every channel under the channel's own item id. */
export interface LoadProduct {
  code: string;
  name: string;
  jan: string;
  hot: boolean;
  /** Opening stock, in the load warehouse. */
  stock: number;
  /** This SKU's share of all orders. */
  demandShare: number;
  listings: Record<DemoChannelId, string>;
}

export const LOAD_LOCATION = 'WH-LOAD';

/** A valid JAN-13 (prefix 45, check digit computed) for product number `n`. */
export function janFor(n: number): string {
  const body = `45${String(n).padStart(10, '0')}`;
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * The run's catalogue: `hotSkus` SKUs share `hotShare` of the demand, the rest share what is left;
 * each SKU holds `baseStock` plus `stockCover` times its expected demand (varied ±50 % by the seed),
 * so the SKUs the sale is about sell out over the run, not in its first second, and the others do not.
 */
export function loadCatalogue(scenario: LoadScenario): LoadProduct[] {
  const random = new SeededRandom(scenario.seed);
  const expectedUnits = scenario.ordersPerSecond * (scenario.durationMs / 1000) * MEAN_UNITS_PER_ORDER;
  const coldSkus = scenario.skus - scenario.hotSkus;
  const hotShare = coldSkus === 0 ? 1 : scenario.hotSkus === 0 ? 0 : scenario.hotShare;
  const products: LoadProduct[] = [];
  for (let n = 1; n <= scenario.skus; n += 1) {
    const hot = n <= scenario.hotSkus;
    const demandShare = hot ? hotShare / scenario.hotSkus : (1 - hotShare) / coldSkus;
    const variation = 0.5 + random.next();
    const id = String(n).padStart(4, '0');
    products.push({
      code: `LOAD-${id}`,
      name: `${hot ? '目玉商品' : '商品'} ${id}`,
      jan: janFor(n),
      hot,
      stock: Math.max(1, scenario.baseStock + Math.round(expectedUnits * demandShare * scenario.stockCover * variation)),
      demandShare,
      listings: { amazon: `LOAD-${id}`, rakuten: `load-${id}:std`, shopify: `${45000000000 + n}@${SHOPIFY_LOCATION}`, yahoo: `load-${id}` },
    });
  }
  return products;
}

/** Nine orders in ten are for one unit, one in ten for two. */
export const MEAN_UNITS_PER_ORDER = 1.1;
