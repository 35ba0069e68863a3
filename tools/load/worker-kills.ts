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
  /** Restarts still under way when the kills stopped (a start takes seconds); await before closing. */
  restarts: Array<Promise<void>>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * A `duringSale` disturbance: every `everyMs` one running worker process, drawn from the seed, is
 * SIGKILLed in the middle of whatever it runs (no shutdown hook: its jobs stay locked until they
 * stall), and started again `downMs` later, in the background (a start takes seconds). One worker is
 * always left running; a kill falls when none other is up. The function returned by the hook stops
 * the kills; the channels are then expected to converge with the workers that run, while restarts
 * still under way finish in `record.restarts`.
 */
export function killWorkersDuringSale(cluster: () => ServiceCluster, options: WorkerKillOptions, record: WorkerKillRecord): (context: SaleContext) => () => Promise<void> {
  return ({ log }) => {
    const random = new SeededRandom(options.seed);
    const down = new Set<number>();
    let stopped = false;
    const restartLater = (service: ServiceCluster, index: number) =>
      (async () => {
        await sleep(options.downMs);
        await service.restartWorker(index);
        down.delete(index);
        log(`worker ${index} started again (pid ${service.workers[index].pid})`);
      })();
    const loop = (async () => {
      const service = cluster();
      while (!stopped && (options.maxKills === undefined || record.kills < options.maxKills)) {
        const wake = Date.now() + options.everyMs;
        while (!stopped && Date.now() < wake) await sleep(Math.min(100, wake - Date.now()));
        const up = service.workers.map((_, i) => i).filter((i) => !down.has(i));
        if (stopped || up.length < 2) continue;
        const index = up[random.int(0, up.length - 1)];
        const pid = service.workers[index].pid;
        down.add(index);
        await service.killWorker(index);
        record.kills += 1;
        record.lastKillAt = Date.now();
        record.log.push({ worker: index, pid, atMs: record.lastKillAt });
        log(`killed worker ${index} (pid ${pid}) with SIGKILL; kill ${record.kills}`);
        record.restarts.push(restartLater(service, index));
      }
    })();
    return async () => {
      stopped = true;
      await loop;
    };
  };
}
