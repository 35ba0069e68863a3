import { DEMO_CHANNEL_IDS } from '../demo/demo-channel-ids';
import { runFlashSale, type FlashSaleRun } from './flash-sale-run';
import { ledgerMismatches } from './ledger-evidence';
import { DEFAULT_SCENARIO } from './load-scenario';
import { reportOf } from './sale-report';

jest.setTimeout(300_000);

/**
 * The flash-sale replay at small scale, as `npm run replay -- flash-sale --sync-interval …` runs it:
 * buyers order on the four sandboxes, urikiri on PostgreSQL keeps them in line, and the same buyers
 * meet channels kept by a periodic sync. Event-driven mode must oversell nothing, lose or double no
 * order, and end with every channel showing what the rules say of the true stock.
 */
describe('the flash-sale replay', () => {
  let run: FlashSaleRun;

  beforeAll(async () => {
    run = await runFlashSale({
      scenario: { ...DEFAULT_SCENARIO, skus: 40, hotSkus: 4, ordersPerSecond: 8, durationMs: 20_000, seed: 7 },
      intervalMs: 10_000,
      convergeTimeoutMs: 60_000,
    });
  });

  afterAll(async () => {
    await run?.close();
  });

  it('sells on every channel, oversells nothing and ends in line with the rules applied to the truth', () => {
    const report = reportOf(run.eventDriven);
    for (const channel of DEMO_CHANNEL_IDS) expect(report.channels[channel].ordersAccepted).toBeGreaterThan(0);
    expect(report.oversells).toBe(0);
    expect(run.convergedAfterMs).not.toBeNull();
    expect(run.eventDriven.outOfLine()).toEqual([]);
  });

  it('holds in the ledger exactly the units the channels sold: no order lost, none doubled', async () => {
    expect(await ledgerMismatches(run.service.api, run.eventDriven)).toEqual([]);
  });

  it('meets the same buyers on the periodically synced channels and measures them the same way', () => {
    const interval = run.interval;
    expect(interval).not.toBeNull();
    const buyers = (world: NonNullable<typeof interval>) => DEMO_CHANNEL_IDS.reduce((n, c) => n + world.tallies[c].ordersAccepted + world.tallies[c].ordersRefused, 0);
    expect(buyers(interval as NonNullable<typeof interval>)).toBe(buyers(run.eventDriven));
    // Between its syncs a periodic channel shows stale quantities: it lags the truth far longer.
    expect(reportOf(interval as NonNullable<typeof interval>).pushP99Ms ?? 0).toBeGreaterThan(reportOf(run.eventDriven).pushP99Ms ?? 0);
  });
});
