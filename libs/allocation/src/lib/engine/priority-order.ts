import type { CompiledPriority } from '../rules/compiled-rule-set';
import { entryFor, type PoolConsumer } from './pool-consumer';

/** 0 for the first channel of the priority order; channels it does not name rank after all named ones. */
export function priorityRank(
  priority: CompiledPriority | undefined,
  consumer: PoolConsumer,
): number {
  if (priority === undefined) return 0;
  return entryFor(priority.rankOf, consumer)?.value ?? priority.order.length;
}

/**
 * Consumer indices from highest to lowest priority. The remaining ties fall back to channel,
 * account and listing id so the order, and with it every tie-break, never depends on the order of
 * the input. Insertion sort: pools hold a handful of listings.
 */
export function priorityOrder(
  consumers: readonly PoolConsumer[],
  priority: CompiledPriority | undefined,
): number[] {
  const count = consumers.length;
  const ranks = new Array<number>(count);
  const order = new Array<number>(count);
  for (let index = 0; index < count; index++) {
    ranks[index] = priorityRank(priority, consumers[index]);
    let position = index;
    while (
      position > 0 &&
      comesBefore(index, order[position - 1], ranks, consumers)
    ) {
      order[position] = order[position - 1];
      position -= 1;
    }
    order[position] = index;
  }
  return order;
}

function comesBefore(
  a: number,
  b: number,
  ranks: readonly number[],
  consumers: readonly PoolConsumer[],
): boolean {
  if (ranks[a] !== ranks[b]) return ranks[a] < ranks[b];
  const left = consumers[a].listing;
  const right = consumers[b].listing;
  if (left.channel !== right.channel) return left.channel < right.channel;
  if (left.account !== right.account) return left.account < right.account;
  return left.listingId < right.listingId;
}
