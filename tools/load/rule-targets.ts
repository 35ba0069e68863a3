import { allocateUnit, compileRuleSet, parseRuleSet, type CompiledRuleSet, type RuleSet } from '@urikiri/allocation';
import { DEMO_ACCOUNTS, DEMO_CHANNEL_IDS, type DemoChannelId } from '../demo/demo-channel-ids';
import type { LoadProduct } from './load-catalogue';

/**
 * What each channel should show for a SKU with a given available quantity, by the rule engine
 * itself: an account of the rules independent of the service's planner. Load runs have one SKU per
 * allocation unit, one listing per channel, no bundles, so the answer depends on the SKU and its
 * available units only, and is remembered per pair.
 */
export class RuleTargets {
  private readonly compiled: CompiledRuleSet;
  private readonly memo = new Map<string, Record<DemoChannelId, number>>();

  constructor(ruleSet: RuleSet, private readonly now: () => Date = () => new Date()) {
    const parsed = parseRuleSet(JSON.stringify(ruleSet), { format: 'json' });
    if (!parsed.ok) throw new Error(`the load rule set does not parse: ${JSON.stringify(parsed.issues)}`);
    this.compiled = compileRuleSet(parsed.ruleSet);
  }

  of(product: LoadProduct, available: number): Record<DemoChannelId, number> {
    const key = `${product.code} ${available}`;
    const known = this.memo.get(key);
    if (known) return known;
    const result = allocateUnit(
      this.compiled,
      {
        skus: [{ sku: product.code, available: Math.max(0, available), tags: [] }],
        listings: DEMO_CHANNEL_IDS.map((channel) => ({ listingId: channel, channel, account: DEMO_ACCOUNTS[channel].id, item: { sku: product.code }, active: true })),
      },
      { now: this.now() },
    );
    const targets = Object.fromEntries(result.listings.map((l) => [l.listingId, l.quantity])) as Record<DemoChannelId, number>;
    this.memo.set(key, targets);
    return targets;
  }
}
