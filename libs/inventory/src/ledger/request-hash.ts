import { createHash } from 'node:crypto';

/** Canonical JSON (sorted keys, dates as ISO strings) so that equal requests hash equally. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .filter((k) => k !== 'idempotencyKey' && (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Identifies a request body, without its idempotency key, to tell a repeat from a reuse. */
export function requestHash(operation: string, command: object): string {
  return createHash('sha256').update(operation).update('\n').update(JSON.stringify(canonical(command))).digest('hex');
}
