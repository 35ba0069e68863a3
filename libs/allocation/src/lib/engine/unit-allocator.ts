import type { AllocationOptions, AllocationUnit, BundleDefinition } from '../model/allocation-unit.types';
import type { AllocationResult, ListingAllocation } from '../model/allocation-result.types';
import type { CompiledRuleSet } from '../rules/compiled-rule-set';
import { resolvePolicy, rulesInForce, type Policy } from '../rules/rule-resolver';
import type { TraceStep } from '../trace/trace-step.types';
import { applyLimits } from './listing-limits';
import { allocatePool } from './pool-allocator';
import type { PoolConsumer } from './pool-consumer';
import { priorityOrder } from './priority-order';
import { indexUnit, locationCapOf } from './unit-index';

/**
 * The quantity every listing of one allocation unit should publish. Each SKU's stock is split
 * among the listings that draw on it (bundle listings in component units, under that SKU's
 * rules); a bundle listing then shows the fewest whole bundles its components allow, so a bundle
 * and its components' listings always count the same units.
 */
export function allocateUnit(ruleSet: CompiledRuleSet, unit: AllocationUnit, options: AllocationOptions): AllocationResult {
  const nowMs = typeof options.now === 'number' ? options.now : options.now.getTime();
  const inForce = rulesInForce(ruleSet, nowMs);
  const index = indexUnit(unit);
  const { listings } = unit;
  const traces: TraceStep[][] | null = options.trace === true ? listings.map(() => []) : null;
  const accountKeys = listings.map((listing) => `${listing.channel}/${listing.account}`);
  const quantities = new Array<number>(listings.length).fill(Infinity);
  const skuPolicies: Policy[] = [];

  unit.skus.forEach((stock, skuPosition) => {
    const policy = resolvePolicy(ruleSet, inForce, { code: stock.sku, tags: stock.tags, category: stock.category });
    skuPolicies.push(policy);
    const consumers: PoolConsumer[] = [];
    const perUnit: number[] = [];
    const listingOf: number[] = [];
    let demandPerDay = 0;
    for (const demand of index.demandsBySku[skuPosition]) {
      const listing = listings[demand.listing];
      if (!listing.active) continue;
      consumers.push({
        listing,
        accountKey: accountKeys[demand.listing],
        perUnit: demand.perUnit,
        locationCap: locationCapOf(stock, skuPosition, listing, demand.listing),
      });
      perUnit.push(demand.perUnit);
      listingOf.push(demand.listing);
      demandPerDay += (listing.velocityPerDay ?? 0) * demand.perUnit;
    }
    if (consumers.length === 0) return;
    const units = allocatePool({
      sku: stock.sku,
      available: stock.available,
      policy,
      method: ruleSet.apportionment,
      consumers,
      order: priorityOrder(consumers, policy.priority?.value),
      traces: traces === null ? null : listingOf.map((listing) => traces[listing]),
      demandPerDay,
      ringFencesOutrankPriority: ruleSet.ringFencesOutrankPriority,
    });
    for (let consumer = 0; consumer < consumers.length; consumer++) {
      const listing = listingOf[consumer];
      const whole = Math.floor(units[consumer] / perUnit[consumer]);
      if (traces !== null && index.bundleOf[listing] !== null) {
        traces[listing].push({ code: 'bundle', sku: stock.sku, componentUnits: units[consumer], perBundle: perUnit[consumer], bundles: whole });
      }
      if (whole < quantities[listing]) quantities[listing] = whole;
    }
  });

  const bundlePolicies = new Map<BundleDefinition, Policy>();
  const result: ListingAllocation[] = listings.map((listing, position) => {
    const trace = traces?.[position];
    if (!listing.active) {
      trace?.push({ code: 'inactive' }, { code: 'result', quantity: 0 });
      return trace === undefined ? { listingId: listing.listingId, quantity: 0 } : { listingId: listing.listingId, quantity: 0, trace };
    }
    const bundle = index.bundleOf[position];
    const policy = bundle === null ? skuPolicies[index.skuOf[position]] : policyOfBundle(bundle);
    const quantity = applyLimits(quantities[position], policy.limits, accountKeys[position], listing.channel, trace ?? null);
    trace?.push({ code: 'result', quantity });
    return trace === undefined ? { listingId: listing.listingId, quantity } : { listingId: listing.listingId, quantity, trace };
  });
  return { listings: result };

  function policyOfBundle(bundle: BundleDefinition): Policy {
    let policy = bundlePolicies.get(bundle);
    if (policy === undefined) {
      policy = resolvePolicy(ruleSet, inForce, { code: bundle.bundleId, tags: bundle.tags, category: bundle.category });
      bundlePolicies.set(bundle, policy);
    }
    return policy;
  }
}
