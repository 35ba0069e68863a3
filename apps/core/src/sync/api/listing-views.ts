import { renderTraceSteps, type TraceLocale, type TraceStep } from '@urikiri/allocation';
import type { Listing, PublishRecord } from '@urikiri/sync';

export interface ListingView {
  id: number;
  account: string;
  channelListingId: string;
  sku: string;
  active: boolean;
  inactiveReason: string | null;
  stopped: boolean;
  /** What the rules want the channel to show, and its version. */
  target: number | null;
  targetVersion: number;
  /** What we believe the channel shows: the last pushed value less the channel's sales ingested since. */
  lastPublished: number | null;
  publishedVersion: number;
  lastPublishedAt: Date | null;
  /** A push is owed. */
  owed: boolean;
  /** Milliseconds the owed change has waited so far (null when nothing is owed). */
  lagMs: number | null;
  failures: number;
  deadLetter: boolean;
  lastError: string | null;
  retryAfter: Date | null;
  /** The rule engine's explanation of the target, step by step. */
  why: string[];
}

export function renderWhy(json: string | null | undefined, locale: TraceLocale): string[] {
  if (!json) return [];
  try {
    return renderTraceSteps(JSON.parse(json) as TraceStep[], locale);
  } catch {
    return [];
  }
}

export function listingView(listing: Listing, sku: string, locale: TraceLocale, now = new Date()): ListingView {
  return {
    id: listing.id,
    account: listing.accountId,
    channelListingId: listing.channelListingId,
    sku,
    active: listing.active,
    inactiveReason: listing.inactiveReason ?? null,
    stopped: listing.stopped,
    target: listing.target ?? null,
    targetVersion: listing.targetVersion,
    lastPublished: listing.lastPublished ?? null,
    publishedVersion: listing.publishedVersion,
    lastPublishedAt: listing.lastPublishedAt ?? null,
    owed: listing.dirty,
    lagMs: listing.dirty && listing.targetSince ? Math.max(0, now.getTime() - listing.targetSince.getTime()) : null,
    failures: listing.failures,
    deadLetter: listing.deadLetter,
    lastError: listing.lastError ?? null,
    retryAfter: listing.notBefore ?? null,
    why: renderWhy(listing.targetWhy, locale),
  };
}

export function publishView(record: PublishRecord, locale: TraceLocale) {
  return { value: record.value, version: record.version, at: record.at, latencyMs: record.latencyMs ?? null, why: renderWhy(record.why, locale) };
}
