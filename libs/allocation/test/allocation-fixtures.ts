import {
  allocateUnit,
  compileRuleSet,
  describeIssue,
  parseRuleSet,
} from '../src';
import type {
  AllocationResult,
  AllocationUnit,
  CompiledRuleSet,
  ListingInput,
} from '../src';

/** 2026年12月1日(火) 12:00 JST: a plain weekday outside every campaign in these tests. */
export const NOON_DEC_1 = Date.parse('2026-12-01T12:00:00+09:00');

/** Parses and compiles a rule set written as an operator would, failing loudly on any issue. */
export function rules(text: string): CompiledRuleSet {
  const parsed = parseRuleSet(text);
  if (!parsed.ok) throw new Error(parsed.issues.map(describeIssue).join('\n'));
  return compileRuleSet(parsed.ruleSet);
}

/** One listing of `sku` per channel, listing id = channel name, account `main`. */
export function listingsOf(
  sku: string,
  channels: readonly string[],
  overrides: Partial<ListingInput> = {},
): ListingInput[] {
  return channels.map((channel) => ({
    listingId: channel,
    channel,
    account: 'main',
    item: { sku },
    active: true,
    ...overrides,
  }));
}

export function oneSku(
  available: number,
  channels: readonly string[],
  extra: { tags?: string[]; category?: string } = {},
): AllocationUnit {
  return {
    skus: [{ sku: 'TSHIRT-M', available, ...extra }],
    listings: listingsOf('TSHIRT-M', channels),
  };
}

/** Quantities by listing id, the way an operator reads the dashboard. */
export function shown(result: AllocationResult): Record<string, number> {
  return Object.fromEntries(
    result.listings.map((listing) => [listing.listingId, listing.quantity]),
  );
}

export function allocate(
  ruleSet: CompiledRuleSet,
  unit: AllocationUnit,
  now = NOON_DEC_1,
): Record<string, number> {
  return shown(allocateUnit(ruleSet, unit, { now }));
}
