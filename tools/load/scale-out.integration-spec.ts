import { runFlashSale, type FlashSaleRun } from './flash-sale-run';
import { ledgerMismatches, snapshotMatchesReplay } from './ledger-evidence';
import { DEFAULT_SCENARIO } from './load-scenario';
import { pollTicksBetween, type PollTicks } from './poll-ticks';
import { reportOf } from './sale-report';
import { startServiceCluster } from './service-cluster';

jest.setTimeout(240_000);

/**
 * The service scaled out as in production: two API processes behind a balancer (the channels'
 * webhooks and the harness reach them in turn), three workers and two schedulers, on one PostgreSQL
 * database and one queue prefix, through a short flash sale on the four channel sandboxes.
 */
describe('a scaled-out service (2 API, 3 worker, 2 scheduler processes) in a flash sale', () => {
  const scenario = { ...DEFAULT_SCENARIO, skus: 40, hotSkus: 4, ordersPerSecond: 10, durationMs: 20_000, database: 'postgresql' as const };
  let run: FlashSaleRun;
  let ticks: PollTicks[];

  beforeAll(async () => {
    run = await runFlashSale({ scenario, convergeTimeoutMs: 60_000, startService: startServiceCluster({ api: 2, worker: 3, scheduler: 2 }) });
    ticks = await pollTicksBetween(run.service.queuePrefix, run.startedAt, run.lastArrivalAt);
  });

  afterAll(async () => {
    await run?.close();
  });

  it('sells nothing it does not have and brings every listing in line with the rules', () => {
    expect(run.eventDriven.orders.length).toBeGreaterThan(100);
    expect(reportOf(run.eventDriven).oversells).toBe(0);
    expect(run.convergedAfterMs).not.toBeNull();
    expect(run.eventDriven.outOfLine()).toEqual([]);
  });

  it('holds in the ledger exactly the units the channels sold, and its snapshot equals its replay', async () => {
    expect(await ledgerMismatches(run.service.api, run.eventDriven)).toEqual([]);
    expect((await snapshotMatchesReplay(run.service.api)).consistent).toBe(true);
  });

  it('fires each account\'s order-poll schedule about once per interval, though two processes declare it', () => {
    // Rakuten and Yahoo deliver orders by polling only; their schedules must exist.
    expect(ticks.map((t) => t.accountId).length).toBeGreaterThanOrEqual(2);
    for (const t of ticks) {
      expect(t.ticks).toBeGreaterThanOrEqual(Math.floor(t.intervals * 0.5));
      expect(t.ticks).toBeLessThanOrEqual(Math.ceil(t.intervals * 1.2));
    }
  });
});
