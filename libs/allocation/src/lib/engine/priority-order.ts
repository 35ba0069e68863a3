import type { CompiledPriority } from '../rules/compiled-rule-set';
import { targetKeyOf, type PoolConsumer } from './pool-consumer';

/**
 * Consumer indices from highest to lowest priority. Channels the priority rule does not name come
 * after the named ones; the remaining ties fall back to the channel account key and the listing id so the
 * order, and with it every tie-break, never depends on the order of the input.
 */
export function priorityOrder(consumers: readonly PoolConsumer[], priority: CompiledPriority | undefined): number[] {
  const ranks = consumers.map((consumer) => {
    if (priority === undefined) return 0;
    const target = targetKeyOf(priority.rankOf, consumer);
    return target === null ? priority.order.length : (priority.rankOf.get(target) ?? 0);
  });
  const order = consumers.map((_, index) => index);
  if (consumers.length < 2) return order;
  return order.sort((a, b) => ranks[a] - ranks[b] || compareText(consumers[a].accountKey, consumers[b].accountKey) || compareText(consumers[a].listing.listingId, consumers[b].listing.listingId));
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
