import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { StockQueryService } from '@urikiri/inventory';
import { ChannelAccount, ChannelDirectory, InvalidOrderEventsError, OrderIngestor, type IngestReport } from '@urikiri/sync';
import { AlertService } from '../alerts/alert.service';
import { SyncMetrics } from '../../observability/sync-metrics';
import { AccountIngestionLock } from './account-ingestion-lock';
import { SyncDispatcher } from './sync-dispatcher.service';
import type { OrderEvent } from '@urikiri/connector-sdk';

/** Pages fetched per job at most; a backlog larger than this continues in the next job at once. */
const MAX_PAGES_PER_RUN = 50;

export interface PollReport {
  pages: number;
  applied: number;
  duplicates: number;
  unmapped: number;
  caughtUp: boolean;
}

/**
 * Brings one account's orders into the ledger: from its stored cursor, page by page, each page
 * ingested before the cursor moves past it (a crash re-reads the page; ingestion drops repeats).
 * Then owes an allocation to every product whose stock moved, with the sale time for latency.
 */
@Injectable()
export class OrderPolling {
  constructor(
    private readonly orm: MikroORM,
    private readonly directory: ChannelDirectory,
    private readonly ingestor: OrderIngestor,
    private readonly dispatcher: SyncDispatcher,
    private readonly stock: StockQueryService,
    private readonly alerts: AlertService,
    private readonly lock: AccountIngestionLock,
    private readonly metrics: SyncMetrics,
  ) {}

  /**
   * Polls until the account's orders have been fetched to the end by a fetch that began after this
   * call (reconciliation uses it before judging drift). That fetch may be another ingestion's: the
   * account's own polls keep running meanwhile, and they share the channel's order budget.
   */
  async catchUp(accountId: string): Promise<void> {
    const since = new Date();
    for (let round = 0; round < 20; round++) {
      if ((await this.poll(accountId, false, since)).caughtUp) return;
    }
  }

  /** `since`: a fetch begun at or after it that reached the end counts as this poll's (default: each page's own fetch). */
  async poll(accountId: string, continueLater = true, since?: Date): Promise<PollReport> {
    const report: PollReport = { pages: 0, applied: 0, duplicates: 0, unmapped: 0, caughtUp: false };
    for (let page = 0; page < MAX_PAGES_PER_RUN && !report.caughtUp; page++) {
      const done = await this.pollPage(accountId, report, since);
      if (!done) return report;
    }
    if (!report.caughtUp && continueLater) await this.dispatcher.pollOrders(accountId);
    return report;
  }

  /**
   * Fetches one page, then ingests it under the account's lock if the cursor it was fetched from is
   * still the account's: another ingestion that moved on first has finished before this one may
   * declare anything. The channel call itself stays outside the lock — it waits on the channel's rate
   * limit and round trip, and the account's webhooks must not wait behind it. False when the account
   * cannot be polled (not cut over yet).
   *
   * A page thrown away because another ingestion moved first is caught up all the same when that
   * ingestion's fetch began no earlier than `since` (this page's own fetch by default) and reached
   * the end: it has seen every order this fetch could. Without that, two pollers of one account that
   * share its order budget can keep overtaking each other, and the one that waits for "caught up"
   * (reconciliation, which holds the account's push queue meanwhile) fetches for as long as sales go on.
   */
  private async pollPage(accountId: string, report: PollReport, since?: Date): Promise<boolean> {
    const account = await this.directory.account(accountId);
    // Before cut-over the channel's history has not been imported as such; polling would treat old orders as new.
    if (!account.cutoverAt) return false;
    const connector = await this.directory.connectorFor(accountId);
    const from = account.ordersCursor ?? null;
    // Caught up as of when the fetch began: a sale after that moment may be missing from it.
    const fetchStartedAt = new Date();
    const fetched = await connector.fetchOrders(from);
    return this.lock.run(accountId, async () => {
      const now = await this.directory.account(accountId);
      // Someone else ingested from this cursor meanwhile: fetch again from where they stopped, unless
      // they had fetched to the end from a moment late enough.
      if ((now.ordersCursor ?? null) !== from) {
        const caughtUpAt = now.ordersCaughtUpAt ?? null;
        report.caughtUp = caughtUpAt !== null && caughtUpAt.getTime() >= (since ?? fetchStartedAt).getTime();
        return true;
      }
      const ingested = await this.ingest(accountId, fetched.events, connector.manifest.stockLoweredOn, false);
      report.applied += ingested.applied;
      report.duplicates += ingested.duplicates;
      report.unmapped += ingested.unmapped;
      report.pages++;
      report.caughtUp = !fetched.hasMore;
      await this.orm.em.fork().nativeUpdate(ChannelAccount, { id: accountId }, {
        ordersCursor: fetched.nextCursor,
        // A page that did not read the channel in full up to now (complete: false) leaves the account behind.
        ...(report.caughtUp && fetched.complete !== false ? { ordersCaughtUpAt: fetchStartedAt } : {}),
      });
      return true;
    });
  }

  /**
   * The account's orders as they stand now, imported before its first push: open orders become
   * reservations, and the cursor ends where polling continues. Only then may pushes leave.
   */
  async cutover(accountId: string): Promise<PollReport> {
    return this.lock.run(accountId, () => this.importAtCutover(accountId));
  }

  private async importAtCutover(accountId: string): Promise<PollReport> {
    const connector = await this.directory.connectorFor(accountId);
    const events: OrderEvent[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let fetchStartedAt = new Date();
    for (;;) {
      fetchStartedAt = new Date();
      const fetched = await connector.fetchOrders(cursor);
      events.push(...fetched.events);
      cursor = fetched.nextCursor;
      pages++;
      if (!fetched.hasMore) break;
    }
    const ingested = await this.ingest(accountId, events, connector.manifest.stockLoweredOn, true);
    await this.orm.em.fork().nativeUpdate(ChannelAccount, { id: accountId }, { ordersCursor: cursor, ordersCaughtUpAt: fetchStartedAt, cutoverAt: new Date() });
    await this.dispatcher.allocateAll('listings-changed');
    return { pages, applied: ingested.applied, duplicates: ingested.duplicates, unmapped: ingested.unmapped, caughtUp: true };
  }

  /**
   * Order lines that arrived before their listing was mapped (at cut-over, typically) are brought
   * into the ledger now that listings exist. Returns how many lines were mapped.
   */
  async mapWaitingLines(accountIds: Iterable<string>): Promise<number> {
    let mapped = 0;
    for (const accountId of new Set(accountIds)) mapped += await this.lock.run(accountId, () => this.ingestor.retryUnmapped(accountId));
    return mapped;
  }

  /**
   * Returned units that had nowhere to go are booked now, to the account's returns location (after
   * it was set, or a not-for-sale warehouse was created). Returns the lines still waiting.
   */
  async bookWaitingReturns(accountId: string): Promise<number> {
    const waiting = await this.lock.run(accountId, () => this.ingestor.settleWaitingReturns(accountId));
    if (waiting > 0) await this.returnsWaiting(accountId, waiting);
    return waiting;
  }

  private async returnsWaiting(accountId: string, lines: number): Promise<void> {
    await this.alerts.raise(
      'returns-waiting',
      accountId,
      `Returns waiting: ${lines} order line(s) of ${accountId} have returned units and nowhere to book them; set the account's returns location (PUT /api/v1/channels/accounts/${accountId}/returns-location) or create a not-for-sale warehouse and set it`,
      { accountId, lines },
    );
  }

  /** Ingests events delivered by webhook, under the account's ingestion lock. */
  apply(accountId: string, events: OrderEvent[], stockLoweredOn: 'order-created' | 'order-paid'): Promise<IngestReport> {
    return this.lock.run(accountId, () => this.ingest(accountId, events, stockLoweredOn, false));
  }

  /** Ingests events (the caller holds the account's lock) and owes the follow-up work. */
  private async ingest(accountId: string, events: OrderEvent[], stockLoweredOn: 'order-created' | 'order-paid', cutover: boolean): Promise<IngestReport> {
    if (events.length === 0) return { applied: 0, duplicates: 0, unmapped: 0, productIds: [], originAt: {}, ingestLatenciesMs: [], returnsWaiting: 0 };
    const oversellsBefore = (await this.stock.oversellCount()).events;
    const report = await this.ingestor.ingest(accountId, events, { stockLoweredOn, cutover }).catch((error: unknown) => this.refused(accountId, error));
    if (!cutover) {
      // Cut-over imports history: its age is not an ingestion latency.
      const labels = { account: accountId, channel: (await this.directory.account(accountId)).connector };
      for (const ms of report.ingestLatenciesMs) await this.metrics.observe('ingest', labels, ms);
      await this.metrics.increment('orders_ingested', labels, report.applied);
    }
    if (report.productIds.length > 0) await this.dispatcher.allocate(report.productIds, { originAt: report.originAt });
    if (report.returnsWaiting > 0) await this.returnsWaiting(accountId, report.returnsWaiting);
    const oversellsAfter = (await this.stock.oversellCount()).events;
    if (oversellsAfter > oversellsBefore) {
      await this.alerts.raise('oversell', accountId, `Oversell: ${oversellsAfter - oversellsBefore} order line(s) from ${accountId} could not be covered by stock`, {
        accountId,
        newOversells: oversellsAfter - oversellsBefore,
      });
    }
    return report;
  }

  /**
   * The connector fetched events the contract cannot hold: nothing of them was ingested, and the
   * cursor stays before them, so the account's orders wait until the connector (or the channel) is
   * fixed rather than reaching the ledger wrong. Said once as an alert, then thrown for the job.
   */
  private async refused(accountId: string, error: unknown): Promise<never> {
    if (error instanceof InvalidOrderEventsError) {
      const channel = (await this.directory.account(accountId)).connector;
      await this.alerts.raise('malformed-orders', accountId, `Order events from ${accountId} (${channel}) refused, none ingested: ${error.problems.slice(0, 5).map((p) => `${p.path} ${p.message}`).join('; ')}`, {
        accountId,
        problems: error.problems.slice(0, 50),
      });
    }
    throw error;
  }
}
