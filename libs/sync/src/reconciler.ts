import type { MikroORM } from '@mikro-orm/core';
import type { ChannelConnector, ReadResult } from '@urikiri/connector-sdk';
import { TransactionRunner, type SqlSession } from '@urikiri/inventory';
import type { ChannelDirectory } from './channel-directory';
import type { ChannelAccount } from './entities/channel-account.entity';
import { Listing } from './entities/listing.entity';
import { ReconciliationRun } from './entities/reconciliation-run.entity';

export interface ReconcilerSettings {
  /**
   * How much older than the start of a channel read the account's `ordersCaughtUpAt` may be for the
   * read to be trusted. Covers the usual "ingest, then reconcile" sequence and clock differences
   * between replicas; a sale in that window, not yet ingested, would be taken for drift.
   */
  ingestionToleranceMs: number;
}

export const DEFAULT_RECONCILER_SETTINGS: ReconcilerSettings = { ingestionToleranceMs: 2_000 };

export interface ListingDrift {
  listingId: number;
  channelListingId: string;
  productId: number;
  /** What the channel should show: the listing's `lastPublished`. */
  expected: number;
  observed: number;
  /** observed − expected: negative when the channel shows less. */
  difference: number;
  repaired: boolean;
  /** Why the drift was left as it is; null when repaired. */
  notRepaired: string | null;
}

export interface MissingListing {
  listingId: number;
  channelListingId: string;
  productId: number;
  /** False when the run only reported (not asked to repair, or stopped). */
  deactivated: boolean;
}

export interface ReconciliationReport {
  accountId: string;
  runId: number;
  startedAt: Date;
  finishedAt: Date;
  /** Listings whose channel quantity was read and compared. */
  checked: number;
  drift: ListingDrift[];
  repaired: number;
  notFound: MissingListing[];
  /** Active listings not compared, and why (never published, read failed). */
  skipped: { listingId: number; channelListingId: string; reason: string }[];
  /** Why drift was left unrepaired for the account as a whole, if it was. */
  notRepairedReason: string | null;
  /**
   * Products to re-allocate: a deactivated listing's share goes to the others, and a repair takes a
   * new target version, which an allocation running at that moment loses its compare-and-set to.
   */
  replan: number[];
}

interface Observation {
  listing: Listing;
  /** When the read that saw it was sent: a sale after this cannot be in the observed value. */
  readStartedAt: Date;
  result: ReadResult;
}

const NOT_REQUESTED = 'repair not requested';
const INGESTION_BEHIND = 'ingestion behind';
const CHANGED_MEANWHILE = 'the listing changed during the run (a sale ingested or a push recorded); it is compared again next run';
const NOT_FOUND_REASON = 'the channel does not know this listing (found by reconciliation)';

/**
 * Reads an account's channel quantities in bulk and compares each with what the channel should show
 * (`lastPublished`, already lowered by the sales ingested). A difference is repaired only when the
 * account's order ingestion had caught up with the moment of the read: otherwise it may be a sale
 * not ingested yet, and "repairing" it would count that sale twice once it arrives. Repair resets
 * `lastPublished` to what the channel shows and marks the listing owed, so the next push (which
 * uses `lastPublished` as its compare value or delta base) brings the channel back to target.
 *
 * Run it where the account's pushes are not running at the same moment (its push queue): a push
 * result recorded after a repair would count the repair once more.
 */
export class Reconciler {
  private readonly tx: TransactionRunner;

  constructor(
    private readonly orm: MikroORM,
    private readonly directory: ChannelDirectory,
    private readonly settings: ReconcilerSettings = DEFAULT_RECONCILER_SETTINGS,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.tx = new TransactionRunner(orm);
  }

  async reconcile(accountId: string, options: { repair: boolean }): Promise<ReconciliationReport> {
    const startedAt = this.clock();
    await this.directory.account(accountId);
    const em = this.orm.em.fork();
    const run = em.create(ReconciliationRun, { accountId, repairRequested: options.repair, startedAt });
    await em.flush();
    try {
      const report = await this.run(accountId, run.id, startedAt, options);
      await em.nativeUpdate(ReconciliationRun, { id: run.id }, {
        finishedAt: report.finishedAt,
        checked: report.checked,
        drifted: report.drift.length,
        repaired: report.repaired,
        notFound: report.notFound.length,
        skippedReason: report.notRepairedReason?.slice(0, 255) ?? null,
      });
      return report;
    } catch (error) {
      // A run that could not even start reading is still one the operator should see.
      await em.nativeUpdate(ReconciliationRun, { id: run.id }, { finishedAt: this.clock(), skippedReason: `failed: ${(error as Error).message}`.slice(0, 255) });
      throw error;
    }
  }

  private async run(accountId: string, runId: number, startedAt: Date, options: { repair: boolean }): Promise<ReconciliationReport> {
    const listings = await this.orm.em.fork().find(Listing, { accountId, active: true }, { orderBy: { id: 'asc' } });
    const report: ReconciliationReport = {
      accountId, runId, startedAt, finishedAt: startedAt, checked: 0, drift: [], repaired: 0, notFound: [], skipped: [], notRepairedReason: null, replan: [],
    };
    const { observations, readError } = await this.read(await this.directory.connectorFor(accountId), listings);
    for (const l of listings.slice(observations.length)) {
      report.skipped.push({ listingId: l.id, channelListingId: l.channelListingId, reason: `not read: ${readError}` });
    }
    // Read again after the channel answered: ingestion that caught up during the read counts.
    const account = await this.directory.account(accountId);
    for (const observation of observations) await this.settle(account, observation, options, report);
    report.notRepairedReason = accountReason(account, options, report, readError);
    report.finishedAt = this.clock();
    return report;
  }

  /** The account's latest run, for "last reconciled at, drift found". */
  async lastRun(accountId: string): Promise<ReconciliationRun | null> {
    return this.orm.em.fork().findOne(ReconciliationRun, { accountId }, { orderBy: { startedAt: 'desc', id: 'desc' } });
  }

  /** Reads in batches of the channel's bulk read size; stops at the first batch the channel refuses. */
  private async read(connector: ChannelConnector, listings: Listing[]): Promise<{ observations: Observation[]; readError: string | null }> {
    const observations: Observation[] = [];
    const batch = connector.manifest.bulk.read;
    for (let i = 0; i < listings.length; i += batch) {
      const part = listings.slice(i, i + batch);
      const readStartedAt = this.clock();
      let results: ReadResult[];
      try {
        results = await connector.read(part.map((l) => l.channelListingId));
      } catch (error) {
        return { observations, readError: (error as Error).message };
      }
      const byId = new Map(results.map((r) => [r.listingId, r]));
      for (const listing of part) {
        const result = byId.get(listing.channelListingId);
        if (!result) return { observations, readError: `the channel gave no answer for ${listing.channelListingId}` };
        observations.push({ listing, readStartedAt, result });
      }
    }
    return { observations, readError: null };
  }

  private async settle(account: ChannelAccount, { listing, readStartedAt, result }: Observation, options: { repair: boolean }, report: ReconciliationReport): Promise<void> {
    const em = this.orm.em.fork();
    const held = heldBack(account, listing, options);
    if (!result.found) {
      // Gone from the channel: the same as a push answered 404; nothing a sale could explain.
      const deactivated = held === null && (await em.nativeUpdate(Listing, { id: listing.id, active: true }, { active: false, inactiveReason: NOT_FOUND_REASON, dirty: false, lastError: NOT_FOUND_REASON })) === 1;
      report.notFound.push({ listingId: listing.id, channelListingId: listing.channelListingId, productId: listing.productId, deactivated });
      if (deactivated && !report.replan.includes(listing.productId)) report.replan.push(listing.productId);
      return;
    }
    if (listing.lastPublished === null || listing.lastPublished === undefined) {
      report.skipped.push({ listingId: listing.id, channelListingId: listing.channelListingId, reason: 'never published: nothing to compare with yet' });
      return;
    }
    report.checked++;
    const expected = listing.lastPublished;
    if (result.quantity === expected) return;
    const drift: ListingDrift = {
      listingId: listing.id,
      channelListingId: listing.channelListingId,
      productId: listing.productId,
      expected,
      observed: result.quantity,
      difference: result.quantity - expected,
      repaired: false,
      notRepaired: held ?? ingestionLag(account, readStartedAt, this.settings),
    };
    if (drift.notRepaired === null) {
      drift.repaired = await this.repair(listing, expected, result.quantity);
      drift.notRepaired = drift.repaired ? null : CHANGED_MEANWHILE;
    }
    if (drift.repaired) {
      report.repaired++;
      if (!report.replan.includes(listing.productId)) report.replan.push(listing.productId);
    }
    report.drift.push(drift);
  }

  /**
   * Believes the channel: lastPublished becomes what it shows, and the target is owed again under a
   * new version, since channels replay a repeated version's first outcome instead of applying it.
   * Compare-and-set on what was compared: a sale ingested or a push recorded since the listing was
   * read has moved lastPublished, and the observation no longer says anything about it.
   */
  private async repair(listing: Listing, expected: number, observed: number): Promise<boolean> {
    const sql = this.tx.session();
    const updated = await sql.run(
      `UPDATE listing SET last_published = ?, dirty = ?, target_version = target_version + 1
       WHERE id = ? AND active = ? AND stopped = ? AND last_published = ? AND published_version = ?`,
      [observed, flag(sql, true), listing.id, flag(sql, true), flag(sql, false), expected, listing.publishedVersion],
    );
    return updated === 1;
  }
}

/** Why nothing may be written for this listing whatever the channel shows; null when it may. */
function heldBack(account: ChannelAccount, listing: Listing, options: { repair: boolean }): string | null {
  if (!options.repair) return NOT_REQUESTED;
  if (account.stopped) return accountStopped(account);
  if (listing.stopped) return 'listing stopped';
  return null;
}

/** Null when the account's orders had been ingested up to the read (within the tolerance). */
function ingestionLag(account: ChannelAccount, readStartedAt: Date, settings: ReconcilerSettings): string | null {
  const caughtUp = account.ordersCaughtUpAt ?? null;
  if (caughtUp === null) return `${INGESTION_BEHIND}: the account's orders have never been fetched to the end`;
  if (caughtUp.getTime() >= readStartedAt.getTime() - settings.ingestionToleranceMs) return null;
  return `${INGESTION_BEHIND}: orders caught up at ${caughtUp.toISOString()}, the channel was read at ${readStartedAt.toISOString()}; the difference may be sales not ingested yet`;
}

function accountReason(account: ChannelAccount, options: { repair: boolean }, report: ReconciliationReport, readError: string | null): string | null {
  const reasons: string[] = [];
  if (!options.repair) reasons.push(NOT_REQUESTED);
  else if (account.stopped) reasons.push(accountStopped(account));
  else {
    const lagging = report.drift.find((d) => d.notRepaired?.startsWith(INGESTION_BEHIND));
    if (lagging?.notRepaired) reasons.push(lagging.notRepaired);
  }
  if (readError !== null) reasons.push(`read failed: ${readError}`);
  return reasons.length ? reasons.join('; ') : null;
}

function accountStopped(account: ChannelAccount): string {
  return `account stopped${account.stoppedReason ? `: ${account.stoppedReason}` : ''}`;
}

function flag(sql: SqlSession, value: boolean): boolean | number {
  return sql.isPostgres ? value : value ? 1 : 0;
}
