import { SeededRandom } from '@urikiri/connector-sdk/testing';
import type { SaleContext } from './flash-sale-run';
import type { ServiceCluster } from './service-cluster';

export interface WorkerKillOptions {
  /** Time between two kills. */
  everyMs: number;
  /** How long a killed worker stays down before it is started again. */
  downMs: number;
  /** Stops after this many kills (the sale may still run); unbounded by default. */
  maxKills?: number;
  seed: number;
}

/** What the disturbance did: how many kills, and when the last one happened (wall clock). */
export interface WorkerKillRecord {
  kills: number;
  lastKillAt: number | null;
  /** Every kill: which worker, when, with which process id. */
  log: Array<{ worker: number; pid: number | undefined; atMs: number }>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * A `duringSale` disturbance: every `everyMs` one worker process, drawn from the seed, is SIGKILLed in
 * the middle of whatever it runs (no shutdown hook: its jobs are left locked until they stall), and
 * started again `downMs` later. A kill waits for the previous restart, so at most one worker is down.
 * The function returned by the hook stops the kills, waits for the last restart, and the record is
 * complete when it resolves.
 */
export function killWorkersDuringSale(cluster: () => ServiceCluster, options: WorkerKillOptions, record: WorkerKillRecord): (context: SaleContext) => () => Promise<void> {
  return ({ log }) => {
    const random = new SeededRandom(options.seed);
    let stopped = false;
    const loop = (async () => {
      const service = cluster();
      while (!stopped && (options.maxKills === undefined || record.kills < options.maxKills)) {
        const wake = Date.now() + options.everyMs;
        while (!stopped && Date.now() < wake) await sleep(Math.min(100, wake - Date.now()));
        if (stopped) return;
        const index = random.int(0, service.workers.length - 1);
        const pid = service.workers[index].pid;
        await service.killWorker(index);
        record.kills += 1;
        record.lastKillAt = Date.now();
        record.log.push({ worker: index, pid, atMs: record.lastKillAt });
        log(`killed worker ${index} (pid ${pid}) with SIGKILL; kill ${record.kills}`);
        await sleep(options.downMs);
        await service.restartWorker(index);
        log(`worker ${index} started again (pid ${service.workers[index].pid})`);
      }
    })();
    return async () => {
      stopped = true;
      await loop;
    };
  };
}
