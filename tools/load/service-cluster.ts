import { ServiceApi } from '../service-api/service-api';
import { startCoreServiceProcess, type CoreServiceProcess } from '../demo/testing/core-service-process';
import type { LoadScenario } from './load-scenario';
import { createLoadInstallation, type LoadService } from './load-service';
import { startRoundRobinProxy } from './round-robin-proxy';

/** How many processes of each role make the installation. */
export interface ClusterShape {
  api: number;
  worker: number;
  /** Processes that declare the repeating schedules; 1 by default (the schedules are idempotent across any number). */
  scheduler?: number;
}

export interface ServiceCluster extends LoadService {
  readonly apis: readonly CoreServiceProcess[];
  readonly workers: readonly CoreServiceProcess[];
  readonly schedulers: readonly CoreServiceProcess[];
  /** SIGKILLs worker `index` (no shutdown hook runs: its jobs stall) and resolves once it has exited. */
  killWorker(index: number): Promise<void>;
  /** Starts worker `index` again on the same database and queues; resolves once it runs. */
  restartWorker(index: number): Promise<void>;
}

function checkShape(shape: ClusterShape): Required<ClusterShape> {
  const full = { scheduler: 1, ...shape };
  for (const [role, count] of Object.entries(full)) {
    const least = role === 'scheduler' ? 0 : 1;
    if (!Number.isInteger(count) || count < least || count > 16) throw new Error(`the cluster's ${role} count must be an integer from ${least} to 16, but got ${count}`);
  }
  return full;
}

/**
 * The service scaled out as docs/operations.md describes: several processes, each with its ROLE, on
 * one database and one queue prefix; the API processes behind a round-robin balancer, which is where
 * the harness and the channels' webhooks reach the service. Returns a starter for `runFlashSale`.
 */
export function startServiceCluster(shape: ClusterShape): (scenario: LoadScenario, env?: Record<string, string>) => Promise<ServiceCluster> {
  const counts = checkShape(shape);
  return async (scenario, extraEnv = {}) => {
    const installation = await createLoadInstallation(scenario, extraEnv);
    const started: CoreServiceProcess[] = [];
    const closers: Array<() => Promise<void>> = [];
    const close = async () => {
      for (const closer of closers.reverse()) await closer().catch(() => undefined);
      await Promise.all(started.map((p) => p.close().catch(() => undefined)));
      await installation.remove();
    };
    const start = async (role: 'api' | 'worker' | 'scheduler') => {
      const service = await startCoreServiceProcess({ ...installation.env, ROLE: role }, { logFile: process.env['LOAD_SERVICE_LOG'], storage: installation.storage });
      started.push(service);
      return service;
    };
    const times = <T>(n: number, make: () => Promise<T>) => Promise.all(Array.from({ length: n }, make));
    try {
      // The first process migrates the database alone: migrations take no lock against a second runner.
      const first = await start('api');
      const apis = [first, ...(await times(counts.api - 1, () => start('api')))];
      const workers = await times(counts.worker, () => start('worker'));
      const schedulers = await times(counts.scheduler, () => start('scheduler'));
      const balancer = await startRoundRobinProxy(() => apis.map((a) => a.url));
      closers.push(() => balancer.close());
      const worker = (index: number) => {
        const process = workers[index];
        if (!process) throw new Error(`worker index must be from 0 to ${workers.length - 1}, but got ${index}`);
        return process;
      };
      return {
        url: balancer.url,
        api: new ServiceApi(balancer.url, installation.adminKey),
        queuePrefix: installation.storage.queuePrefix,
        apis,
        workers,
        schedulers,
        killWorker: (index) => worker(index).kill(),
        restartWorker: (index) => worker(index).restart(),
        close,
      };
    } catch (error) {
      await close();
      throw error;
    }
  };
}
