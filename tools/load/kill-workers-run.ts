import { runFlashSale } from './flash-sale-run';
import { ledgerMismatches, snapshotMatchesReplay } from './ledger-evidence';
import type { LoadScenario } from './load-scenario';
import { queueDiagnostics } from './queue-diagnostics';
import { reportOf } from './sale-report';
import { startServiceCluster, type ClusterShape, type ServiceCluster } from './service-cluster';
import { killWorkersDuringSale, type WorkerKillRecord } from './worker-kills';

export interface KillWorkersOptions {
  scenario: LoadScenario;
  cluster: ClusterShape;
  /** Time between two kills. */
  killEveryMs: number;
  /** How long a killed worker stays down. */
  downMs: number;
  maxKills?: number;
  /** BullMQ lock duration and stalled-check interval of every worker (QUEUE_LOCK_DURATION_MS, QUEUE_STALLED_INTERVAL_MS). */
  lockDurationMs: number;
  stalledIntervalMs: number;
  /** How long the channels may take to come in line after the last kill. */
  convergeTimeoutMs: number;
  log?: (message: string) => void;
}

/** The last output line of `npm run chaos -- kill-workers`. */
export interface KillWorkersResult {
  orders: number;
  oversells: number;
  /** Units the channels sold that the ledger does not hold (summed over SKUs). */
  lostOrders: number;
  /** Units the ledger holds beyond what the channels sold. */
  doubledOrders: number;
  kills: number;
  /**
   * From the last kill (or the last buyer, if later: the sale goes on after the kills stop) until every
   * listing showed what the rules say; null if not within the timeout.
   */
  convergenceMs: number | null;
  snapshotMatchesReplay: boolean;
}

export interface KillWorkersReport {
  result: KillWorkersResult;
  killLog: WorkerKillRecord['log'];
  outOfLineAtEnd: Array<{ channel: string; sku: string; shows: number; should: number }>;
  replayMismatches: unknown[];
}

/**
 * A flash sale against a scaled-out service whose worker processes are SIGKILLed one at a time during
 * the sale and started again; then the evidence that nothing was lost or doubled: the ledger against
 * the units really sold, the channels against the rules on the truth, the snapshot against its replay.
 */
export async function runKillWorkers(options: KillWorkersOptions): Promise<KillWorkersReport> {
  const log = options.log ?? (() => undefined);
  let cluster: ServiceCluster | null = null;
  const start = startServiceCluster(options.cluster);
  const record: WorkerKillRecord = { kills: 0, lastKillAt: null, log: [], restarts: [] };
  let disturbanceEndedAt = 0;
  const kills = killWorkersDuringSale(() => cluster as ServiceCluster, { everyMs: options.killEveryMs, downMs: options.downMs, maxKills: options.maxKills, seed: options.scenario.seed + 7 }, record);
  const run = await runFlashSale({
    scenario: options.scenario,
    convergeTimeoutMs: options.convergeTimeoutMs,
    serviceEnv: { QUEUE_LOCK_DURATION_MS: String(options.lockDurationMs), QUEUE_STALLED_INTERVAL_MS: String(options.stalledIntervalMs) },
    startService: async (scenario, env) => (cluster = await start(scenario, env)),
    duringSale: (context) => {
      const stop = kills(context);
      return async () => {
        await stop();
        disturbanceEndedAt = Date.now();
      };
    },
    log,
  });
  try {
    const report = reportOf(run.eventDriven);
    const mismatches = await ledgerMismatches(run.service.api, run.eventDriven);
    const replay = await snapshotMatchesReplay(run.service.api);
    const from = Math.max(record.lastKillAt ?? 0, run.lastArrivalAt);
    if (run.convergedAfterMs === null) log(`queues: ${JSON.stringify(await queueDiagnostics(run.service.queuePrefix))}`);
    return {
      result: {
        orders: run.eventDriven.orders.length,
        oversells: report.oversells,
        lostOrders: mismatches.reduce((sum, m) => sum + Math.max(0, m.sold - m.ledgerReserved - m.ledgerBackordered), 0),
        doubledOrders: mismatches.reduce((sum, m) => sum + Math.max(0, m.ledgerReserved + m.ledgerBackordered - m.sold), 0),
        kills: record.kills,
        convergenceMs: run.convergedAfterMs === null ? null : disturbanceEndedAt + run.convergedAfterMs - from,
        snapshotMatchesReplay: replay.consistent,
      },
      killLog: record.log,
      outOfLineAtEnd: run.eventDriven.outOfLine().slice(0, 10),
      replayMismatches: replay.mismatches,
    };
  } finally {
    await Promise.allSettled(record.restarts);
    await run.close();
  }
}
