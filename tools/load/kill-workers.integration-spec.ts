import { DEFAULT_SCENARIO } from './load-scenario';
import { runKillWorkers, type KillWorkersReport } from './kill-workers-run';

jest.setTimeout(300_000);

/**
 * `npm run chaos -- kill-workers` in small: worker processes SIGKILLed during a sale and started
 * again, with short queue locks so their jobs are taken up within seconds.
 */
describe('worker processes killed during a flash sale', () => {
  let report: KillWorkersReport;

  beforeAll(async () => {
    report = await runKillWorkers({
      scenario: { ...DEFAULT_SCENARIO, skus: 30, hotSkus: 3, ordersPerSecond: 5, durationMs: 15_000, database: 'postgresql' },
      cluster: { api: 1, worker: 3, scheduler: 1 },
      killEveryMs: 3500,
      downMs: 500,
      maxKills: 3,
      lockDurationMs: 4000,
      stalledIntervalMs: 1000,
      convergeTimeoutMs: 60_000,
    });
  });

  it('kills three workers', () => {
    expect(report.result.kills).toBe(3);
    expect(new Set(report.killLog.map((k) => k.pid)).size).toBe(3);
  });

  it('loses, doubles and oversells nothing, and the snapshot equals its replay', () => {
    expect(report.result).toMatchObject({ oversells: 0, lostOrders: 0, doubledOrders: 0, snapshotMatchesReplay: true });
    expect(report.result.orders).toBeGreaterThan(30);
  });

  it('brings every channel in line with the rules within 10 s of the last kill', () => {
    expect(report.outOfLineAtEnd).toEqual([]);
    expect(report.result.convergenceMs).not.toBeNull();
    expect(report.result.convergenceMs).toBeLessThanOrEqual(10_000);
  });
});
