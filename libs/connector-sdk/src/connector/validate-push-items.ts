import type { PushItem } from './connector.types';

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * Refuses a malformed batch before any call leaves: a fractional quantity or a listing twice in one
 * batch is a bug in the caller, and sending it would publish something nobody computed.
 */
export function validatePushItems(items: readonly PushItem[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const at = `items[${index}]`;
    if (typeof item.listingId !== 'string' || item.listingId === '') {
      problems.push(`${at}.listingId: must be a non-empty string`);
    } else if (seen.has(item.listingId)) {
      problems.push(`${at}.listingId: "${item.listingId}" appears twice; send one item per listing per batch`);
    } else {
      seen.add(item.listingId);
    }
    if (!isCount(item.target)) {
      problems.push(`${at}.target: must be an integer of 0 or more, got ${String(item.target)}`);
    }
    if (item.lastPublished !== null && !isCount(item.lastPublished)) {
      problems.push(`${at}.lastPublished: must be null or an integer of 0 or more, got ${String(item.lastPublished)}`);
    }
    if (!isCount(item.version)) {
      problems.push(`${at}.version: must be an integer of 0 or more, got ${String(item.version)}`);
    }
  });
  if (problems.length > 0) {
    throw new RangeError(`Invalid push batch:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
