import type { MikroORM } from '@mikro-orm/core';
import type { ChannelConnector, ReadResult } from '@urikiri/connector-sdk';
import { TransactionRunner, type SqlSession } from '@urikiri/inventory';
import type { ChannelDirectory } from './channel-directory';
import type { ChannelAccount } from './entities/channel-account.entity';
import { Listing } from './entities/listing.entity';
import { ReconciliationRun } from './entities/reconciliation-run.entity';
import type { ListingDrift, ReconciliationReport } from './reconciliation-report';

export interface ReconcilerSettings {
  /**
   * How much earlier than the channel's last answer the account's `ordersCaughtUpAt` may be for a
   * repair. 0 (the default) is the safe bound: every sale the channel's answer can contain had been
   * fetched. A positive value trusts an ingestion that ended before the read, and a sale in that
   * window is then counted twice; a negative value is a margin for clocks of replicas that differ,
   * or for a channel whose order feed shows a sale some time after it lowered its stock.
   */
  ingestionToleranceMs: number;
  /**
   * The service's order ingestion of one account, run until nothing more is waiting (it stamps
   * `ordersCaughtUpAt`). When given, a run that found drift catches up after the read instead of
   * reporting "ingestion behind".
   */
  catchUp?: (accountId: string) => Promise<void>;
}

export const DEFAULT_RECONCILER_SETTINGS: ReconcilerSettings = { ingestionToleranceMs: 0 };

export interface ReconcileOptions {
  repair: boolean;
  /** Only these listings of the account (database ids), e.g. those a lost answer left uncertain; every active one when left out. */
  listingIds?: number[];
}

interface Observation {
  listing: Listing;
  result: ReadResult;
}

const NOT_REQUESTED = 'repair not requested';
const INGESTION_BEHIND = 'ingestion behind';
const CHANGED_MEANWHILE = 'the listing changed during the run (a sale ingested or a push recorded); it is compared again next run';
const NOT_FOUND_REASON = 'the channel does not know this listing (found by reconciliation)';

/**
 * Reads an account's channel quantities in bulk and compares each with what the channel should show
 * (`lastPublished`, already lowered by the sales ingested). A difference may be a sale not ingested
 * yet, and "repairing" it would count that sale twice once it arrives (the write race), so a repair
 * waits until the account's orders have been fetched past the channel's answer. Repair resets
 * `lastPublished` to what the channel shows and owes the listing a push under a new version, so the
 * next push (which uses `lastPublished` as its compare value or delta base) restores the target.
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

  async reconcile(accountId: string, options: ReconcileOptions): Promise<ReconciliationReport> {
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

  /** The account's latest run, for "last reconciled at, drift found". */
  async lastRun(accountId: string): Promise<ReconciliationRun | null> {
    return this.orm.em.fork().findOne(ReconciliationRun, { accountId }, { orderBy: { startedAt: 'desc', id: 'desc' } });
  }

  private async run(accountId: string, runId: number, startedAt: Date, options: ReconcileOptions): Promise<ReconciliationReport> {
    const only = options.listingIds === undefined ? {} : { id: { $in: options.listingIds } };
    const listings = await this.orm.em.fork().find(Listing, { accountId, active: true, ...only }, { orderBy: { id: 'asc' } });
    const { observations, readError } = await this.read(await this.directory.connectorFor(accountId), listings);
    const readFinishedAt = this.clock();
    const { account, catchUpError } = await this.caughtUpAccount(accountId, observations, readFinishedAt, options);
    const report: ReconciliationReport = {
      accountId, runId, startedAt, finishedAt: startedAt, readFinishedAt, ordersCaughtUpAt: account.ordersCaughtUpAt ?? null,
      checked: 0, drift: [], repaired: 0, notFound: [], skipped: [], notRepairedReason: null, replan: [], unsettled: [],
    };
    for (const l of listings.slice(observations.length)) {
      report.skipped.push({ listingId: l.id, channelListingId: l.channelListingId, reason: `not read: ${readError}` });
      report.unsettled.push(l.id);
    }
    const lag = this.ingestionLag(account, readFinishedAt, catchUpError);
    for (const observation of observations) await this.settle(account, observation, options, lag, report);
    for (const d of report.drift) {
      if (d.notRepaired === CHANGED_MEANWHILE || d.notRepaired?.startsWith(INGESTION_BEHIND)) report.unsettled.push(d.listingId);
    }
    report.notRepairedReason = accountReason(account, options, report, readError);
    report.finishedAt = this.clock();
    return report;
  }

  /** Reads in batches of the channel's bulk read size; stops at the first batch the channel refuses. */
  private async read(connector: ChannelConnector, listings: Listing[]): Promise<{ observations: Observation[]; readError: string | null }> {
    const observations: Observation[] = [];
    const batch = connector.manifest.bulk.read;
    for (let i = 0; i < listings.length; i += batch) {
      const part = listings.slice(i, i + batch);
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
        observations.push({ listing, result });
      }
    }
    return { observations, readError: null };
  }

  /**
   * The account as it is after the read. When there is drift to repair and the orders were not
   * fetched past the read, the configured ingestion runs first: only a fetch that began after the
   * channel answered has seen every sale that answer can contain.
   */
  private async caughtUpAccount(accountId: string, observations: Observation[], readFinishedAt: Date, options: { repair: boolean }) {
    const account = await this.directory.account(accountId);
    const catchUp = this.settings.catchUp;
    const drifted = observations.some(({ listing, result }) => result.found && !listing.stopped && listing.lastPublished != null && result.quantity !== listing.lastPublished);
    if (!catchUp || !options.repair || account.stopped || !drifted || this.ingestionLag(account, readFinishedAt, null) === null) {
      return { account, catchUpError: null };
    }
    try {
      await catchUp(accountId);
    } catch (error) {
      return { account, catchUpError: (error as Error).message };
    }
    return { account: await this.directory.account(accountId), catchUpError: null };
  }

  private async settle(account: ChannelAccount, { listing, result }: Observation, options: { repair: boolean }, lag: string | null, report: ReconciliationReport): Promise<void> {
    const held = heldBack(account, listing, options);
    if (!result.found) {
      // Gone from the channel: the same as a push answered 404; nothing a sale could explain.
      const deactivated = held === null && (await this.deactivate(listing));
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
      notRepaired: held ?? lag,
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

  private async deactivate(listing: Listing): Promise<boolean> {
    const updated = await this.orm.em.fork().nativeUpdate(
      Listing,
      { id: listing.id, active: true },
      { active: false, inactiveReason: NOT_FOUND_REASON, dirty: false, lastError: NOT_FOUND_REASON },
    );
    return updated === 1;
  }

  /** Null when the account's orders had been fetched past the channel's answer; else why not. */
  private ingestionLag(account: ChannelAccount, readFinishedAt: Date, catchUpError: string | null): string | null {
    if (catchUpError !== null) return `${INGESTION_BEHIND}: catching up failed: ${catchUpError}`;
    const caughtUp = account.ordersCaughtUpAt ?? null;
    if (caughtUp === null) return `${INGESTION_BEHIND}: the account's orders have never been fetched to the end`;
    if (caughtUp.getTime() >= readFinishedAt.getTime() - this.settings.ingestionToleranceMs) return null;
    return `${INGESTION_BEHIND}: orders caught up at ${caughtUp.toISOString()}, before the channel answered at ${readFinishedAt.toISOString()}; the difference may be sales not ingested yet`;
  }
}

/** Why nothing may be written for this listing whatever the channel shows; null when it may. */
function heldBack(account: ChannelAccount, listing: Listing, options: { repair: boolean }): string | null {
  if (!options.repair) return NOT_REQUESTED;
  if (account.stopped) return accountStopped(account);
  if (listing.stopped) return 'listing stopped';
  return null;
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
