import type { MikroORM } from '@mikro-orm/core';
import type { PushItem, PushResult } from '@urikiri/connector-sdk';
import { TransactionRunner, type SqlSession } from '@urikiri/inventory';
import type { ChannelDirectory } from './channel-directory';

export interface PushPolicy {
  /** Failures in a row after which a listing goes to the dead letters. */
  maxFailures: number;
  /** Backoff of the n-th failure: base × 2^(n−1), capped, with full jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  random: () => number;
}

/** How long a listing refused as stale waits for its channel's orders to be ingested. */
const STALE_PAUSE_MS = 1000;

export const DEFAULT_PUSH_POLICY: PushPolicy = { maxFailures: 8, backoffBaseMs: 500, backoffMaxMs: 60_000, random: Math.random };

export interface PushRoundReport {
  pushed: number;
  failed: number;
  /** A compare-and-set was refused: the account's orders must be ingested before pushing again. */
  stale: number;
  deactivated: number;
  deadLettered: number;
  /** Listings that still owe a push (more than one batch, or a target that moved meanwhile). */
  remaining: number;
  /** Earliest time a backed-off listing may be tried again, if any. */
  retryAt: Date | null;
  /** Products whose listings changed state (deactivated), for re-allocation. */
  replan: number[];
  /** Listings the channel refused for its rate limit, and the waits it asked for in total (ms). */
  rateLimited: number;
  rateLimitWaitMs: number;
  /** Each value the channel now holds, with how long it took from the ledger change (and from the sale, if one caused it). */
  published: PublishedValue[];
  /** Listings answered after an unanswered write the channel may or may not have applied: read them back. */
  readBack: number[];
  /**
   * Listings refused as stale: the channel shows other than `lastPublished`. A sale on its way explains
   * that, and so does an earlier write that landed unanswered, which nothing but a read-back finds.
   */
  staleListings: number[];
}

export interface PublishedValue {
  listingId: number;
  value: number;
  pushLatencyMs: number | null;
  endToEndMs: number | null;
}

interface Pending {
  id: number;
  channelListingId: string;
  productId: number;
  target: number;
  targetVersion: number;
  lastPublished: number | null;
  failures: number;
  targetSince: Date | null;
  targetOriginAt: Date | null;
  why: string | null;
}

/**
 * Sends owed targets of one channel account to its connector, a batch at a time, and records the
 * outcome per listing. What it sends is read when it runs (a job that runs twice or late pushes the
 * latest target), and a result is recorded only for the version it carried.
 */
export class PushExecutor {
  private readonly tx: TransactionRunner;

  constructor(
    orm: MikroORM,
    private readonly directory: ChannelDirectory,
    private readonly policy: PushPolicy = DEFAULT_PUSH_POLICY,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.tx = new TransactionRunner(orm);
  }

  async pushRound(accountId: string): Promise<PushRoundReport> {
    const sql = this.tx.session();
    const report: PushRoundReport = { pushed: 0, failed: 0, stale: 0, deactivated: 0, deadLettered: 0, remaining: 0, retryAt: null, replan: [], published: [], readBack: [], staleListings: [], rateLimited: 0, rateLimitWaitMs: 0 };
    const account = await this.directory.account(accountId);
    if (account.stopped || !account.cutoverAt) return { ...report, remaining: await this.owed(sql, accountId) };
    const connector = await this.directory.connectorFor(accountId);
    const batch = connector.manifest.bulk.push;
    const now = this.clock();
    const pending = await this.pending(sql, accountId, now, batch);
    if (pending.length > 0) {
      const items: PushItem[] = pending.map((p) => ({ listingId: p.channelListingId, target: p.target, lastPublished: p.lastPublished, version: p.targetVersion }));
      const results = await connector.push(items);
      for (const [i, result] of results.entries()) await this.record(sql, pending[i], result, report);
    }
    report.remaining = await this.owed(sql, accountId);
    const next = await sql.first<{ at: unknown }>(
      `SELECT MIN(not_before) AS at FROM listing WHERE account_id = ? AND dirty = ? AND dead_letter = ? AND not_before IS NOT NULL`,
      [accountId, flag(sql, true), flag(sql, false)],
    );
    report.retryAt = next?.at ? sql.readDate(next.at) : null;
    return report;
  }

  /** Operator's retry of a dead letter: back in the queue with a clean slate. */
  async retryDeadLetter(listingId: number): Promise<void> {
    const sql = this.tx.session();
    await sql.run('UPDATE listing SET dead_letter = ?, failures = 0, not_before = NULL, dirty = ? WHERE id = ?', [flag(sql, false), flag(sql, true), listingId]);
  }

  private async pending(sql: SqlSession, accountId: string, now: Date, limit: number): Promise<Pending[]> {
    const rows = await sql.all<Record<string, unknown>>(
      `SELECT id, channel_listing_id, product_id, target, target_version, last_published, failures, target_since, target_origin_at, target_why FROM listing
       WHERE account_id = ? AND dirty = ? AND active = ? AND stopped = ? AND dead_letter = ? AND target IS NOT NULL
         AND (not_before IS NULL OR not_before <= ?) AND planned_seq >= replan_seq
       ORDER BY id LIMIT ?`,
      [accountId, flag(sql, true), flag(sql, true), flag(sql, false), flag(sql, false), sql.date(now), limit],
    );
    return rows.map((r) => ({
      id: Number(r['id']),
      channelListingId: String(r['channel_listing_id']),
      productId: Number(r['product_id']),
      target: Number(r['target']),
      targetVersion: Number(r['target_version']),
      lastPublished: r['last_published'] === null ? null : Number(r['last_published']),
      failures: Number(r['failures']),
      targetSince: r['target_since'] ? sql.readDate(r['target_since']) : null,
      targetOriginAt: r['target_origin_at'] ? sql.readDate(r['target_origin_at']) : null,
      why: r['target_why'] === null || r['target_why'] === undefined ? null : String(r['target_why']),
    }));
  }

  private async record(sql: SqlSession, listing: Pending, result: PushResult, report: PushRoundReport): Promise<void> {
    const now = this.clock();
    if (result.status === 'ok') {
      // Sales ingested while the push was in flight lowered last_published below what we read: keep
      // that difference on top of the new value instead of overwriting it. The channel then shows less
      // than the target it was sent, so the listing stays owed — under a new version, since a channel
      // replays a repeated one — even when its target did not change: nothing else would push it again.
      // A zero that was accepted is what the channel shows, whatever it sold meanwhile: it cannot show less.
      const read = listing.lastPublished ?? 0;
      const zero = listing.target === 0;
      const shown = zero ? '0' : '? + (COALESCE(last_published, 0) - ?)';
      const settled = zero ? 'target_version = ?' : 'target_version = ? AND COALESCE(last_published, 0) = ?';
      const overtaken = zero ? '1 = 0' : 'target_version = ? AND COALESCE(last_published, 0) <> ?';
      const shownArgs = zero ? [] : [listing.target, read];
      const settledArgs = zero ? [listing.targetVersion] : [listing.targetVersion, read];
      const overtakenArgs = zero ? [] : [listing.targetVersion, read];
      await sql.run(
        `UPDATE listing SET last_published = ${shown}, published_version = ?, last_published_at = ?,
           dirty = CASE WHEN ${settled} THEN ? ELSE ? END,
           target_version = CASE WHEN ${overtaken} THEN target_version + 1 ELSE target_version END,
           failures = 0, last_error = NULL, not_before = NULL,
           target_since = CASE WHEN ${settled} THEN NULL WHEN ${overtaken} THEN ? ELSE target_since END,
           target_origin_at = CASE WHEN ${settled} THEN NULL ELSE target_origin_at END
         WHERE id = ? AND published_version < ?`,
        [
          ...shownArgs, listing.targetVersion, sql.date(now),
          ...settledArgs, flag(sql, false), flag(sql, true),
          ...overtakenArgs,
          ...settledArgs, ...overtakenArgs, sql.date(now),
          ...settledArgs,
          listing.id, listing.targetVersion,
        ],
      );
      const pushLatencyMs = listing.targetSince ? Math.max(0, now.getTime() - listing.targetSince.getTime()) : null;
      const endToEndMs = listing.targetOriginAt ? Math.max(0, now.getTime() - listing.targetOriginAt.getTime()) : null;
      await sql.run('INSERT INTO publish_record (listing_id, value, version, why, latency_ms, at) VALUES (?, ?, ?, ?, ?, ?)', [
        listing.id, listing.target, listing.targetVersion, listing.why, pushLatencyMs, sql.date(now),
      ]);
      report.published.push({ listingId: listing.id, value: listing.target, pushLatencyMs, endToEndMs });
      if (result.readBack) report.readBack.push(listing.id);
      report.pushed++;
      return;
    }
    if (result.status === 'stale') {
      // The channel sold or changed something we have not seen: never re-assert the old value.
      // Its orders are ingested next; the listing stays owed and is recomputed from the new truth.
      // A short pause keeps the refused listing from taking a batch slot again before the orders land;
      // a new target (after ingestion) lifts it at once.
      // The next attempt is another write, not a retry of this one: under a new version, since a channel
      // answers a repeated version with its first outcome (this refusal) instead of applying it.
      await sql.run('UPDATE listing SET last_error = ?, not_before = ?, target_version = target_version + 1 WHERE id = ? AND target_version = ?', [
        result.message, sql.date(new Date(now.getTime() + STALE_PAUSE_MS)), listing.id, listing.targetVersion,
      ]);
      report.stale++;
      report.staleListings.push(listing.id);
      return;
    }
    if (result.status === 'permanent' && /not.?found|404|does not exist|unknown listing/i.test(`${result.code ?? ''} ${result.message}`)) {
      await sql.run('UPDATE listing SET active = ?, inactive_reason = ?, dirty = ?, last_error = ? WHERE id = ?', [flag(sql, false), result.message, flag(sql, false), result.message, listing.id]);
      report.deactivated++;
      report.replan.push(listing.productId);
      return;
    }
    if (result.status === 'auth') {
      await this.directory.setStopped((await sql.first<{ account_id: string }>('SELECT account_id FROM listing WHERE id = ?', [listing.id]))?.account_id ?? '', true, `credentials refused: ${result.message}`);
    }
    const failures = listing.failures + 1;
    // A channel that says when to come back (a rate limit, a maintenance window) is waited for at its
    // pace however long it lasts: such an answer never sends the listing to the dead letters.
    const toldToWait = result.status === 'rate-limited' || (result.status === 'retryable' && result.retryAfterMs !== undefined);
    const dead = result.status === 'permanent' || (failures >= this.policy.maxFailures && !toldToWait);
    const wait = result.status === 'rate-limited' ? result.retryAfterMs : Math.max(this.backoff(failures), result.status === 'retryable' ? (result.retryAfterMs ?? 0) : 0);
    if (result.status === 'rate-limited') {
      report.rateLimited++;
      report.rateLimitWaitMs += result.retryAfterMs;
    }
    await sql.run('UPDATE listing SET failures = ?, dead_letter = ?, last_error = ?, not_before = ? WHERE id = ?', [
      failures, flag(sql, dead), result.message, sql.date(new Date(now.getTime() + wait)), listing.id,
    ]);
    report.failed++;
    if (dead) report.deadLettered++;
  }

  private backoff(failures: number): number {
    const cap = Math.min(this.policy.backoffMaxMs, this.policy.backoffBaseMs * 2 ** (failures - 1));
    return Math.round(cap * this.policy.random());
  }

  private async owed(sql: SqlSession, accountId: string): Promise<number> {
    const row = await sql.first<{ n: number }>(
      'SELECT COUNT(*) AS n FROM listing WHERE account_id = ? AND dirty = ? AND active = ? AND stopped = ? AND dead_letter = ?',
      [accountId, flag(sql, true), flag(sql, true), flag(sql, false), flag(sql, false)],
    );
    return Number(row?.n ?? 0);
  }
}

function flag(sql: SqlSession, value: boolean): boolean | number {
  return sql.isPostgres ? value : value ? 1 : 0;
}
