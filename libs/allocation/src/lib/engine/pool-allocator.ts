import type { TraceStep } from '../trace/trace-step.types';
import {
  amountOf,
  NO_TRACING,
  planPool,
  type PoolContext,
  type PoolPlan,
} from './pool-plan';
import { entryFor } from './pool-consumer';
import { priorityRank } from './priority-order';

export interface PoolRequest extends PoolContext {
  readonly available: number;
  /** Sales of this SKU across the pool's listings, in SKU units per day (for days-of-cover). */
  readonly demandPerDay: number;
  readonly ringFencesOutrankPriority: boolean;
}

/**
 * Units of one SKU each consumer may sell. Under low stock (available below the priority
 * threshold) the stock is handed out top-down instead: every consumer's target is what it would get
 * at exactly the threshold, and a consumer receives anything only once every consumer above it has
 * its whole target. No consumer therefore gets more than at the threshold, which keeps the result
 * monotone across the switch, and the top channel keeps selling while the lower ones drop to zero.
 */
export function allocatePool(request: PoolRequest): number[] {
  const { consumers, traces, sku, available } = request;
  if (traces !== null)
    for (const trace of traces)
      trace.push({ code: 'available', sku, available });
  const threshold = lowStockThreshold(request);
  const lowStock = available < threshold;
  const keepsFences = request.ringFencesOutrankPriority;
  const plan = planPool(request, available, {
    poolSteps: !lowStock || keepsFences,
    shareSteps: !lowStock,
  });
  const values = lowStock
    ? fillByPriority(
        request,
        plan,
        planPool(request, threshold, NO_TRACING),
        threshold,
      )
    : sumOf(plan);
  for (let consumer = 0; consumer < consumers.length; consumer++) {
    values[consumer] = finish(
      request,
      consumer,
      values[consumer],
      traces === null ? null : traces[consumer],
    );
  }
  return values;
}

function lowStockThreshold(request: PoolRequest): number {
  const priority = request.policy.priority?.value;
  if (priority === undefined) return 0;
  if (priority.belowUnits !== null) return priority.belowUnits;
  return Math.ceil((priority.belowDaysOfCover ?? 0) * request.demandPerDay);
}

function sumOf(plan: PoolPlan): number[] {
  const values = new Array<number>(plan.free.length);
  for (let consumer = 0; consumer < values.length; consumer++)
    values[consumer] = plan.fenced[consumer] + plan.free[consumer];
  return values;
}

function fillByPriority(
  request: PoolRequest,
  plan: PoolPlan,
  atThreshold: PoolPlan,
  threshold: number,
): number[] {
  const priority = request.policy.priority;
  if (priority === null) return sumOf(plan);
  const keepsFences = request.ringFencesOutrankPriority;
  const values = keepsFences
    ? [...plan.fenced]
    : new Array<number>(plan.fenced.length).fill(0);
  let remaining = keepsFences ? plan.freePool : plan.afterSafetyStock;
  for (const consumer of request.order) {
    const target = keepsFences
      ? atThreshold.free[consumer]
      : atThreshold.fenced[consumer] + atThreshold.free[consumer];
    const granted = Math.min(target, remaining);
    const trace = request.traces?.[consumer];
    if (trace !== undefined) {
      trace.push({
        code: 'low-stock',
        sku: request.sku,
        ruleId: priority.ruleId,
        available: request.available,
        threshold,
      });
      const rank =
        priorityRank(priority.value, request.consumers[consumer]) + 1;
      trace.push({
        code: 'priority-fill',
        sku: request.sku,
        ruleId: priority.ruleId,
        rank,
        target,
        remaining,
        units: granted,
      });
    }
    values[consumer] += granted;
    // Short of a whole target, `granted` took everything: nobody lower is served.
    remaining -= granted;
  }
  return values;
}

function finish(
  request: PoolRequest,
  consumer: number,
  value: number,
  trace: TraceStep[] | null,
): number {
  let units = value;
  const safety = request.policy.safetyStock;
  if (safety !== null) {
    const amount = entryFor(
      safety.value.channels,
      request.consumers[consumer],
    )?.value;
    if (amount !== undefined) {
      const buffer = amountOf(amount, units);
      trace?.push({
        code: 'channel-safety-stock',
        sku: request.sku,
        ruleId: safety.ruleId,
        before: units,
        buffer,
        after: units - buffer,
      });
      units -= buffer;
    }
  }
  const cap = request.consumers[consumer].locationCap;
  if (units > cap) {
    trace?.push({
      code: 'location-cap',
      sku: request.sku,
      before: units,
      cap,
      after: cap,
    });
    units = cap;
  }
  return units;
}
