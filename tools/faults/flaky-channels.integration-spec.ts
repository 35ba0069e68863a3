import { DEFAULT_SCENARIO } from '../load/load-scenario';
import { runFlakyChannels } from './flaky-channels-run';

jest.setTimeout(240_000);

describe('a flash sale on flaky channels', () => {
  it('converges once the faults stop, with every sold unit in the ledger exactly once and no dead letter left', async () => {
    const report = await runFlakyChannels({
      scenario: { ...DEFAULT_SCENARIO, skus: 40, hotSkus: 4, ordersPerSecond: 10, durationMs: 20_000, seed: 13 },
      faultRate: 0.2,
      outageChannel: 'rakuten',
      outageMs: 10_000,
      convergeTimeoutMs: 90_000,
    });
    expect(report.faultsInjected).toBeGreaterThan(0);
    expect(report.faults.outageRefusals).toBeGreaterThan(0);
    expect(report.outageMs).toBeGreaterThanOrEqual(9_000);
    expect({ convergenceMs: report.convergenceMs === null ? 'not converged' : 'converged', lostOrders: report.lostOrders, doubledOrders: report.doubledOrders, oversells: report.oversells, deadLetters: report.deadLetters }).toEqual({
      convergenceMs: 'converged',
      lostOrders: 0,
      doubledOrders: 0,
      oversells: 0,
      deadLetters: 0,
    });
    expect(report.orders).toBeGreaterThan(100);
  });
});
