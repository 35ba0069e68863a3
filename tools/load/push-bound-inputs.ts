import { amazonManifest } from '@urikiri/connector-amazon';
import { RAKUTEN_API_LIMITS, rakutenManifest } from '@urikiri/connector-rakuten';
import { shopifyManifest } from '@urikiri/connector-shopify';
import { yahooManifest } from '@urikiri/connector-yahoo';
import { DEMO_CHANNEL_IDS, type DemoChannelId } from '../demo/demo-channel-ids';
import type { LoadProduct } from './load-catalogue';
import type { ChannelPushLimits, TargetChange } from './push-bound';
import type { RuleTargets } from './rule-targets';

/**
 * Each channel's own limit on its push call, as its sandbox enforces it: Amazon's and Yahoo!'s are
 * their manifests'; Rakuten's is RMS's (the connector paces itself at 80 % of it, the ideal does not);
 * Shopify's is the Plus plan's cost bucket the sandboxes run on, at the cost of one call.
 */
export function channelPushLimits(latencyMs: number): Record<DemoChannelId, ChannelPushLimits> {
  return {
    amazon: { rateLimit: amazonManifest.rateLimits.push, bulk: amazonManifest.bulk.push, latencyMs },
    rakuten: { rateLimit: RAKUTEN_API_LIMITS.push, bulk: rakutenManifest.bulk.push, latencyMs },
    shopify: { rateLimit: shopifyManifest.rateLimits.push, bulk: shopifyManifest.bulk.push, latencyMs },
    yahoo: { rateLimit: yahooManifest.rateLimits.push, bulk: yahooManifest.bulk.push, latencyMs },
  };
}

/** A unit the ledger reserved for a sale, when it committed it. */
export interface LedgerSale {
  sku: string;
  atMs: number;
  units: number;
}

/**
 * The target changes the same ledger history causes on each channel: the rules applied after every
 * ledger change of a SKU, a change recorded wherever the channel's quantity moved. What urikiri's
 * planner computes, rebuilt independently of it for the ideal scheduler.
 */
export function targetChangesOf(sales: readonly LedgerSale[], products: readonly LoadProduct[], targets: RuleTargets): Record<DemoChannelId, TargetChange[]> {
  const changes: Record<DemoChannelId, TargetChange[]> = { amazon: [], rakuten: [], shopify: [], yahoo: [] };
  const bySku = new Map(products.map((p) => [p.code, p]));
  const reserved = new Map<string, number>();
  for (const sale of [...sales].sort((a, b) => a.atMs - b.atMs)) {
    const product = bySku.get(sale.sku);
    if (!product) continue;
    const before = targets.of(product, product.stock - (reserved.get(sale.sku) ?? 0));
    reserved.set(sale.sku, (reserved.get(sale.sku) ?? 0) + sale.units);
    const after = targets.of(product, product.stock - (reserved.get(sale.sku) ?? 0));
    for (const channel of DEMO_CHANNEL_IDS) if (before[channel] !== after[channel]) changes[channel].push({ listing: sale.sku, atMs: sale.atMs });
  }
  return changes;
}
