import type { CompiledAmount } from '../rules/compiled-rule-set';
import type { Policy } from '../rules/rule-resolver';
import type { ApportionmentMethod } from '../rules/rule-set.schema';
import type { TargetEntry, TargetTable } from '../rules/target-table';
import type { TraceStep } from '../trace/trace-step.types';
import { apportion } from './divisor-apportionment';
import {
  BASIS_POINTS_PER_WHOLE,
  bufferOf,
  shareOf,
} from './integer-arithmetic';
import { entryFor, type PoolConsumer } from './pool-consumer';

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
  return amount.kind === 'units'
    ? Math.min(amount.units, value)
    : bufferOf(value, amount.basisPoints);
}

export function planPool(
  context: PoolContext,
  available: number,
  tracing: PlanTracing,
): PoolPlan {
  const { consumers, policy } = context;
  const traces = tracing.poolSteps ? context.traces : null;
  let pool = available;
  const safety = policy.safetyStock;
  if (safety !== null && safety.value.all !== null) {
    const buffer = amountOf(safety.value.all, pool);
    if (traces !== null) {
      for (const trace of traces)
        trace.push({
          code: 'safety-stock',
          sku: context.sku,
          ruleId: safety.ruleId,
          before: pool,
          buffer,
          after: pool - buffer,
        });
    }
    pool -= buffer;
  }
  const afterSafetyStock = pool;
  const fenced = zeros(consumers.length);
  if (policy.ringFences !== null)
    pool -= setAsideRingFences(context, pool, fenced, traces);
  const free = zeros(consumers.length);
  fillFromFreePool(
    context,
    pool,
    free,
    tracing.shareSteps ? context.traces : null,
  );
  return { afterSafetyStock, freePool: pool, fenced, free };
}

function setAsideRingFences(
  context: PoolContext,
  pool: number,
  fenced: number[],
  traces: readonly TraceStep[][] | null,
): number {
  const fences = context.policy.ringFences;
  if (fences === null) return 0;
  let remaining = pool;
  for (const group of groupByEntry(context, fences.value)) {
    const quota = group.entry.value;
    const granted = Math.min(quota, remaining);
    remaining -= granted;
    const split = splitWithinGroup(context, granted, group.members);
    for (let position = 0; position < group.members.length; position++) {
      const consumer = group.members[position];
      fenced[consumer] = split === null ? granted : split[position];
      traces?.[consumer].push({
        code: 'ring-fence',
        sku: context.sku,
        ruleId: fences.ruleId,
        target: group.entry.target,
        quota,
        granted,
        units: fenced[consumer],
      });
    }
  }
  const setAside = pool - remaining;
  if (traces !== null && setAside > 0) {
    for (const trace of traces)
      trace.push({
        code: 'ring-fenced-pool',
        sku: context.sku,
        ruleId: fences.ruleId,
        fenced: setAside,
        after: remaining,
      });
  }
  return setAside;
}

function fillFromFreePool(
  context: PoolContext,
  pool: number,
  free: number[],
  traces: readonly TraceStep[][] | null,
): void {
  const mode = context.policy.mode.value;
  const shares = context.policy.shares;
  const { sku, consumers } = context;
  if (mode === 'shared') {
    for (let consumer = 0; consumer < free.length; consumer++) {
      if (shares === null) {
        free[consumer] = pool;
        continue;
      }
      const entry = entryFor(shares.value.basisPointsOf, consumers[consumer]);
      free[consumer] = entry === null ? 0 : shareOf(pool, entry.value);
      traces?.[consumer].push(
        entry === null
          ? { code: 'no-share', sku, ruleId: shares.ruleId }
          : {
              code: 'share',
              sku,
              ruleId: shares.ruleId,
              mode,
              basisPoints: entry.value,
              pool,
              units: free[consumer],
            },
      );
    }
    return;
  }
  let partitioned = 0;
  if (shares !== null) {
    partitioned = shareOf(
      pool,
      Math.min(shares.value.totalBasisPoints, BASIS_POINTS_PER_WHOLE),
    );
    const groups = groupByEntry(context, shares.value.basisPointsOf);
    const weights = new Array<number>(groups.length);
    for (let index = 0; index < groups.length; index++)
      weights[index] = groups[index].entry.value;
    const seats = apportion(partitioned, weights, context.method);
    for (let index = 0; index < groups.length; index++) {
      const { entry, members } = groups[index];
      const split = splitWithinGroup(context, seats[index], members);
      for (let position = 0; position < members.length; position++) {
        const consumer = members[position];
        free[consumer] = split === null ? seats[index] : split[position];
        traces?.[consumer].push({
          code: 'share',
          sku,
          ruleId: shares.ruleId,
          mode,
          basisPoints: entry.value,
          pool,
          units: seats[index],
        });
        if (split !== null) {
          traces?.[consumer].push({
            code: 'group-split',
            sku,
            groupUnits: seats[index],
            listings: members.length,
            units: free[consumer],
          });
        }
      }
    }
    if (traces !== null) {
      for (let consumer = 0; consumer < free.length; consumer++) {
        if (entryFor(shares.value.basisPointsOf, consumers[consumer]) === null)
          traces[consumer].push({
            code: 'no-share',
            sku,
            ruleId: shares.ruleId,
          });
      }
    }
  } else if (mode === 'partitioned') {
    const split = apportion(
      pool,
      evenWeights(context.order.length),
      context.method,
    );
    context.order.forEach((consumer, position) => {
      free[consumer] = split[position];
      traces?.[consumer].push({
        code: 'even-split',
        sku,
        pool,
        parties: split.length,
        units: split[position],
      });
    });
  }
  if (mode === 'hybrid') {
    const remainder = pool - partitioned;
    for (let consumer = 0; consumer < free.length; consumer++) {
      free[consumer] += remainder;
      traces?.[consumer].push({
        code: 'shared-remainder',
        sku,
        remainder,
        units: free[consumer],
      });
    }
  }
}

interface TargetGroup<T> {
  readonly entry: TargetEntry<T>;
  readonly members: number[];
}

/** Consumers grouped by the rule entry that addresses them, groups and members in priority order. */
function groupByEntry<T>(
  context: PoolContext,
  table: TargetTable<T>,
): TargetGroup<T>[] {
  const groups: TargetGroup<T>[] = [];
  for (const consumer of context.order) {
    const entry = entryFor(table, context.consumers[consumer]);
    if (entry === null) continue;
    let group: TargetGroup<T> | undefined;
    for (let index = 0; index < groups.length && group === undefined; index++)
      if (groups[index].entry === entry) group = groups[index];
    if (group === undefined) groups.push({ entry, members: [consumer] });
    else group.members.push(consumer);
  }
  return groups;
}

// In shared mode every listing of a channel sees what the channel gets (null: no split); otherwise
// the listings of one channel split it evenly, so their sum never exceeds it.
function splitWithinGroup(
  context: PoolContext,
  units: number,
  members: readonly number[],
): readonly number[] | null {
  if (members.length === 1 || context.policy.mode.value === 'shared')
    return null;
  return apportion(units, evenWeights(members.length), context.method);
}

function evenWeights(count: number): number[] {
  return new Array<number>(count).fill(1);
}

function zeros(count: number): number[] {
  return new Array<number>(count).fill(0);
}
