import type {
  AllocationOptions,
  AllocationUnit,
} from '../model/allocation-unit.types';
import { allocateUnit } from '../engine/unit-allocator';
import { amountOf } from '../engine/pool-plan';
import { entryFor, type PoolConsumer } from '../engine/pool-consumer';
import { indexUnit, unitsPerSale } from '../engine/unit-index';
import { BASIS_POINTS_PER_WHOLE } from '../engine/integer-arithmetic';
import type { CompiledRuleSet } from '../rules/compiled-rule-set';
import { resolvePolicy, type Policy } from '../rules/rule-resolver';
import type { Risk, RiskReport } from './risk.types';

/**
 * What could go wrong with this rule set for this unit at `now`: over-commit (shares beyond
 * 100 % in a mode where channels do not partition the stock), stock that no channel may show, and
 * the stock situation right now.
 */
export function assessRisks(
  ruleSet: CompiledRuleSet,
  unit: AllocationUnit,
  options: Pick<AllocationOptions, 'now'>,
): RiskReport {
  const nowMs =
    typeof options.now === 'number' ? options.now : options.now.getTime();
  const inForce = ruleSet.rulesInForce(nowMs);
  const index = indexUnit(unit);
  const published = allocateUnit(ruleSet, unit, { now: nowMs }).listings;
  const risks: Risk[] = [];
  unit.skus.forEach((stock, skuPosition) => {
    const policy = resolvePolicy(ruleSet, inForce, {
      code: stock.sku,
      tags: stock.tags,
      category: stock.category,
    });
    const consumers: PoolConsumer[] = [];
    let demandPerDay = 0;
    let publishedUnits = 0;
    unit.listings.forEach((listing, position) => {
      const perUnit = unitsPerSale(index, position, skuPosition, stock.sku);
      if (perUnit === 0) return;
      publishedUnits += published[position].quantity * perUnit;
      if (!listing.active) return;
      consumers.push({ listing, perUnit, locationCap: Infinity });
      demandPerDay += (listing.velocityPerDay ?? 0) * perUnit;
    });
    if (consumers.length === 0) return;
    risks.push(
      ...sharingRisks(stock.sku, policy, consumers),
      ...stockRisks(
        stock.sku,
        stock.available,
        policy,
        consumers,
        demandPerDay,
      ),
    );
    if (publishedUnits > stock.available) {
      risks.push({
        code: 'published-exceeds-available',
        severity: 'high',
        sku: stock.sku,
        published: publishedUnits,
        available: stock.available,
      });
    }
  });
  return { ruleSetVersion: ruleSet.version, risks };
}

function sharingRisks(
  sku: string,
  policy: Policy,
  consumers: readonly PoolConsumer[],
): Risk[] {
  const risks: Risk[] = [];
  const mode = policy.mode.value;
  const shares = policy.shares;
  const whole = BASIS_POINTS_PER_WHOLE;
  if (shares !== null) {
    const total = shares.value.totalBasisPoints;
    if (total > whole && mode === 'partitioned')
      risks.push({
        code: 'shares-scaled-down',
        severity: 'info',
        sku,
        ruleId: shares.ruleId,
        totalBasisPoints: total,
      });
    if (total < whole && mode !== 'hybrid')
      risks.push({
        code: 'shares-hold-back',
        severity: 'warning',
        sku,
        ruleId: shares.ruleId,
        totalBasisPoints: total,
      });
    for (const consumer of consumers) {
      if (entryFor(shares.value.basisPointsOf, consumer) === null) {
        risks.push({
          code: 'no-share',
          severity: 'warning',
          sku,
          ruleId: shares.ruleId,
          listingId: consumer.listing.listingId,
        });
      }
    }
  }
  const committed = committedBasisPoints(policy, consumers);
  if (committed > whole)
    risks.push({
      code: 'over-commit',
      severity: 'high',
      sku,
      ruleId: shares?.ruleId ?? policy.mode.ruleId,
      committedBasisPoints: committed,
    });
  return risks;
}

// Shared mode lets every listing sell its share of the same units; hybrid does so with the part
// the shares leave over. Partitioned mode never commits more than the pool.
function committedBasisPoints(
  policy: Policy,
  consumers: readonly PoolConsumer[],
): number {
  const whole = BASIS_POINTS_PER_WHOLE;
  const shares = policy.shares?.value;
  if (policy.mode.value === 'partitioned')
    return Math.min(whole, shares?.totalBasisPoints ?? whole);
  if (policy.mode.value === 'hybrid') {
    const partitioned = Math.min(whole, shares?.totalBasisPoints ?? 0);
    return partitioned + (whole - partitioned) * consumers.length;
  }
  let committed = 0;
  for (const consumer of consumers) {
    committed +=
      shares === undefined
        ? whole
        : (entryFor(shares.basisPointsOf, consumer)?.value ?? 0);
  }
  return committed;
}

function stockRisks(
  sku: string,
  available: number,
  policy: Policy,
  consumers: readonly PoolConsumer[],
  demandPerDay: number,
): Risk[] {
  const risks: Risk[] = [];
  const safety = policy.safetyStock;
  let pool = available;
  if (safety !== null && safety.value.all !== null) {
    pool -= amountOf(safety.value.all, available);
    if (available > 0 && pool === 0)
      risks.push({
        code: 'safety-stock-takes-all',
        severity: 'warning',
        sku,
        ruleId: safety.ruleId,
        available,
      });
  }
  const fences = policy.ringFences;
  if (fences !== null) {
    const addressed = new Set(
      consumers.map((consumer) => entryFor(fences.value, consumer)),
    );
    let fenced = 0;
    for (const entry of addressed) fenced += entry?.value ?? 0;
    if (fenced > pool)
      risks.push({
        code: 'ring-fences-exceed-stock',
        severity: 'warning',
        sku,
        ruleId: fences.ruleId,
        fenced,
        available: pool,
      });
  }
  const priority = policy.priority;
  if (priority !== null) {
    for (const consumer of consumers) {
      if (entryFor(priority.value.rankOf, consumer) === null) {
        risks.push({
          code: 'not-in-priority',
          severity: 'info',
          sku,
          ruleId: priority.ruleId,
          listingId: consumer.listing.listingId,
        });
      }
    }
    const { belowUnits, belowDaysOfCover } = priority.value;
    const threshold =
      belowUnits ?? Math.ceil((belowDaysOfCover ?? 0) * demandPerDay);
    if (available < threshold)
      risks.push({
        code: 'low-stock-now',
        severity: 'info',
        sku,
        ruleId: priority.ruleId,
        available,
        threshold,
      });
  }
  return risks;
}
