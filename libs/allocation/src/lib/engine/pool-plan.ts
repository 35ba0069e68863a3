import type { CompiledAmount } from '../rules/compiled-rule-set';
import type { Policy } from '../rules/rule-resolver';
import type { ApportionmentMethod } from '../rules/rule-set.schema';
import type { TraceStep } from '../trace/trace-step.types';
import { apportion } from './divisor-apportionment';
import { BASIS_POINTS_PER_WHOLE, bufferOf, shareOf } from './integer-arithmetic';
import { targetKeyOf, type PoolConsumer } from './pool-consumer';

/**
 * How one SKU's stock would be split under normal (not low) stock: the global safety stock comes
 * off, ring-fenced quotas are set aside in priority order, and the free pool is shown according to
 * the mode. Each step is monotone in the stock, which is what lets more stock never lower a listing.
 */

export interface PoolContext {
  readonly sku: string;
  readonly policy: Policy;
  readonly method: ApportionmentMethod;
  readonly consumers: readonly PoolConsumer[];
  /** Consumer indices by priority (priority rank, then channel, account and listing id). */
  readonly order: readonly number[];
  /** One trace per consumer, or null when tracing is off. */
  readonly traces: readonly TraceStep[][] | null;
}

export interface PoolPlan {
  readonly afterSafetyStock: number;
  readonly freePool: number;
  /** Units each consumer holds from ring-fences. */
  readonly fenced: readonly number[];
  /** Units each consumer gets from the free pool. */
  readonly free: readonly number[];
}

export interface PlanTracing {
  readonly poolSteps: boolean;
  readonly shareSteps: boolean;
}

export const NO_TRACING: PlanTracing = { poolSteps: false, shareSteps: false };

export function amountOf(amount: CompiledAmount, value: number): number {
  return amount.kind === 'units' ? Math.min(amount.units, value) : bufferOf(value, amount.basisPoints);
}

export function planPool(context: PoolContext, available: number, tracing: PlanTracing): PoolPlan {
  const { consumers, policy } = context;
  const traces = tracing.poolSteps ? context.traces : null;
  let pool = available;
  const safety = policy.safetyStock;
  if (safety !== null && safety.value.all !== null) {
    const buffer = amountOf(safety.value.all, pool);
    if (traces !== null) {
      for (const trace of traces) trace.push({ code: 'safety-stock', sku: context.sku, ruleId: safety.ruleId, before: pool, buffer, after: pool - buffer });
    }
    pool -= buffer;
  }
  const afterSafetyStock = pool;
  const fenced = new Array<number>(consumers.length).fill(0);
  pool -= setAsideRingFences(context, pool, fenced, traces);
  const free = new Array<number>(consumers.length).fill(0);
  fillFromFreePool(context, pool, free, tracing.shareSteps ? context.traces : null);
  return { afterSafetyStock, freePool: pool, fenced, free };
}

function setAsideRingFences(context: PoolContext, pool: number, fenced: number[], traces: readonly TraceStep[][] | null): number {
  const fences = context.policy.ringFences;
  if (fences === null) return 0;
  const groups = groupByTarget(context, fences.value);
  let remaining = pool;
  for (const [target, members] of groups) {
    const quota = fences.value.get(target) ?? 0;
    const granted = Math.min(quota, remaining);
    remaining -= granted;
    const split = splitWithinGroup(context, granted, members);
    members.forEach((consumer, position) => {
      fenced[consumer] = split[position];
      traces?.[consumer].push({ code: 'ring-fence', sku: context.sku, ruleId: fences.ruleId, target, quota, granted, units: split[position] });
    });
  }
  const setAside = pool - remaining;
  if (traces !== null && setAside > 0) {
    for (const trace of traces) trace.push({ code: 'ring-fenced-pool', sku: context.sku, ruleId: fences.ruleId, fenced: setAside, after: remaining });
  }
  return setAside;
}

function fillFromFreePool(context: PoolContext, pool: number, free: number[], traces: readonly TraceStep[][] | null): void {
  const mode = context.policy.mode.value;
  const shares = context.policy.shares;
  const { sku } = context;
  if (mode === 'shared') {
    for (let consumer = 0; consumer < free.length; consumer++) {
      if (shares === null) {
        free[consumer] = pool;
        continue;
      }
      const target = targetKeyOf(shares.value.basisPointsOf, context.consumers[consumer]);
      const basisPoints = target === null ? 0 : (shares.value.basisPointsOf.get(target) ?? 0);
      free[consumer] = shareOf(pool, basisPoints);
      traces?.[consumer].push(
        target === null
          ? { code: 'no-share', sku, ruleId: shares.ruleId }
          : { code: 'share', sku, ruleId: shares.ruleId, mode, basisPoints, pool, units: free[consumer] },
      );
    }
    return;
  }
  let partitioned = pool;
  if (shares === null) {
    if (mode === 'partitioned') {
      const split = apportion(pool, context.order.map(() => 1), context.method);
      context.order.forEach((consumer, position) => {
        free[consumer] = split[position];
        traces?.[consumer].push({ code: 'even-split', sku, pool, parties: split.length, units: split[position] });
      });
      return;
    }
    partitioned = 0;
  } else {
    partitioned = shareOf(pool, Math.min(shares.value.totalBasisPoints, BASIS_POINTS_PER_WHOLE));
    const groups = groupByTarget(context, shares.value.basisPointsOf);
    const weights = [...groups.keys()].map((target) => shares.value.basisPointsOf.get(target) ?? 0);
    const seats = apportion(partitioned, weights, context.method);
    let group = 0;
    for (const [target, members] of groups) {
      const split = splitWithinGroup(context, seats[group], members);
      members.forEach((consumer, position) => {
        free[consumer] = split[position];
        traces?.[consumer].push({ code: 'share', sku, ruleId: shares.ruleId, mode, basisPoints: weights[group], pool, units: seats[group] });
        if (members.length > 1) {
          traces?.[consumer].push({ code: 'group-split', sku, groupUnits: seats[group], listings: members.length, units: split[position] });
        }
      });
      group += 1;
    }
    if (traces !== null) {
      for (let consumer = 0; consumer < free.length; consumer++) {
        if (targetKeyOf(shares.value.basisPointsOf, context.consumers[consumer]) === null) {
          traces[consumer].push({ code: 'no-share', sku, ruleId: shares.ruleId });
        }
      }
    }
  }
  if (mode === 'hybrid') {
    const remainder = pool - partitioned;
    for (let consumer = 0; consumer < free.length; consumer++) {
      free[consumer] += remainder;
      traces?.[consumer].push({ code: 'shared-remainder', sku, remainder, units: free[consumer] });
    }
  }
}

/** Consumers grouped by the rule entry that addresses them, groups and members in priority order. */
function groupByTarget(context: PoolContext, entries: ReadonlyMap<string, unknown>): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const consumer of context.order) {
    const target = targetKeyOf(entries, context.consumers[consumer]);
    if (target === null) continue;
    const members = groups.get(target);
    if (members === undefined) groups.set(target, [consumer]);
    else members.push(consumer);
  }
  return groups;
}

// In shared mode every listing of a channel sees what the channel gets; otherwise the listings of
// one channel split it evenly, so their sum never exceeds it.
function splitWithinGroup(context: PoolContext, units: number, members: readonly number[]): readonly number[] {
  if (members.length === 1) return [units];
  if (context.policy.mode.value === 'shared') return members.map(() => units);
  return apportion(units, members.map(() => 1), context.method);
}
