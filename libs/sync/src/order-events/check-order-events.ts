import type { OrderEvent } from '@urikiri/connector-sdk';
import { zodFieldProblems } from '@urikiri/inventory';
import { InvalidOrderEventsError } from './invalid-order-events.error';
import { orderEventsSchema } from './order-event.schema';

/** `events[3].quantity`, the way every answer of the service writes where a field sits. */
function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : `${text}.${String(segment)}`), 'events');
}

/**
 * Every order event as the contract and the database need it, or InvalidOrderEventsError naming
 * each wrong field. The one check for every way events arrive (webhook, polling, cut-over import).
 */
export function checkOrderEvents(events: readonly unknown[]): OrderEvent[] {
  const result = orderEventsSchema.safeParse(events);
  if (!result.success) {
    throw new InvalidOrderEventsError(zodFieldProblems(result.error).map((problem) => ({ path: formatPath(problem.path), message: problem.message })));
  }
  return result.data;
}
