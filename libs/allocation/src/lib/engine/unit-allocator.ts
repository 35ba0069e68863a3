import type {
  AllocationOptions,
  AllocationUnit,
  BundleDefinition,
} from '../model/allocation-unit.types';
import type {
  AllocationResult,
  ListingAllocation,
} from '../model/allocation-result.types';
import type { CompiledRule, CompiledRuleSet } from '../rules/compiled-rule-set';
import { resolvePolicy, type Policy } from '../rules/rule-resolver';
import type { TraceStep } from '../trace/trace-step.types';
import { applyLimits } from './listing-limits';
import { allocatePool } from './pool-allocator';
import type { PoolConsumer } from './pool-consumer';
import { priorityOrder } from './priority-order';
import {
  indexUnit,
  locationCapOf,
  unitsPerSale,
  type UnitIndex,
} from './unit-index';

/**
 * The quantity every listing of one allocation unit should publish. Each SKU's stock is split
 * among the active listings that draw on it (bundle listings in component units, under that SKU's
 * rules); a bundle listing then shows the fewest whole bundles its components allow, so a bundle
 * and its components' listings always count the same units.
 */
export function allocateUnit(
  ruleSet: CompiledRuleSet,
  unit: AllocationUnit,
  options: AllocationOptions,
): AllocationResult {
  const nowMs =
    typeof options.now === 'number' ? options.now : options.now.getTime();
  const inForce = ruleSet.rulesInForce(nowMs);
  const index = indexUnit(unit);
  const { listings, skus } = unit;
  const traces: TraceStep[][] | null =
    options.trace === true ? listings.map(() => []) : null;
  const quantities = new Array<number>(listings.length).fill(Infinity);
  const skuPolicies = new Array<Policy>(skus.length);

  for (let skuPosition = 0; skuPosition < skus.length; skuPosition++) {
    const stock = skus[skuPosition];
    const policy = resolvePolicy(ruleSet, inForce, {
      code: stock.sku,
      tags: stock.tags,
      category: stock.category,
    });
    skuPolicies[skuPosition] = policy;
    const consumers: PoolConsumer[] = [];
    const listingOf: number[] = [];
    let demandPerDay = 0;
    for (let position = 0; position < listings.length; position++) {
      const listing = listings[position];
      if (!listing.active) continue;
      const perUnit = unitsPerSale(index, position, skuPosition, stock.sku);
      if (perUnit === 0) continue;
      consumers.push({
        listing,
        perUnit,
        locationCap: locationCapOf(stock, skuPosition, listing, position),
      });
      listingOf.push(position);
      demandPerDay += (listing.velocityPerDay ?? 0) * perUnit;
    }
    if (consumers.length === 0) continue;
    const units = allocatePool({
      sku: stock.sku,
      available: stock.available,
      policy,
      method: ruleSet.apportionment,
      consumers,
      order: priorityOrder(consumers, policy.priority?.value),
      traces:
        traces === null ? null : listingOf.map((listing) => traces[listing]),
      demandPerDay,
      ringFencesOutrankPriority: ruleSet.ringFencesOutrankPriority,
    });
    for (let consumer = 0; consumer < consumers.length; consumer++) {
      const listing = listingOf[consumer];
      const perUnit = consumers[consumer].perUnit;
      const whole =
        perUnit === 1 ? units[consumer] : Math.floor(units[consumer] / perUnit);
      if (traces !== null && index.bundleOf[listing] !== null) {
        traces[listing].push({
          code: 'bundle',
          sku: stock.sku,
          componentUnits: units[consumer],
          perBundle: perUnit,
          bundles: whole,
        });
      }
      if (whole < quantities[listing]) quantities[listing] = whole;
    }
  }

  const result = new Array<ListingAllocation>(listings.length);
  for (let position = 0; position < listings.length; position++) {
    const listing = listings[position];
    const trace = traces === null ? null : traces[position];
    let quantity = 0;
    if (listing.active) {
      const policy = policyOfListing(
        ruleSet,
        inForce,
        index,
        position,
        skuPolicies,
      );
      quantity = applyLimits(
        quantities[position],
        policy.limits,
        listing,
        trace,
      );
    } else {
      trace?.push({ code: 'inactive' });
    }
    if (trace === null) {
      result[position] = { listingId: listing.listingId, quantity };
    } else {
      trace.push({ code: 'result', quantity });
      result[position] = { listingId: listing.listingId, quantity, trace };
    }
  }
  return { listings: result };
}

// Limits belong to what the listing sells: a bundle listing follows the bundle's rules.
function policyOfListing(
  ruleSet: CompiledRuleSet,
  inForce: readonly CompiledRule[],
  index: UnitIndex,
  position: number,
  skuPolicies: readonly Policy[],
): Policy {
  const bundle: BundleDefinition | null = index.bundleOf[position];
  if (bundle === null) return skuPolicies[index.skuOf[position]];
  return resolvePolicy(ruleSet, inForce, {
    code: bundle.bundleId,
    tags: bundle.tags,
    category: bundle.category,
  });
}
