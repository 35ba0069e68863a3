// Runs a share of the benchmark's Monte Carlo runs in a worker thread and posts the per-run metrics.
import { parentPort, workerData } from 'node:worker_threads';
import { simulateRuns } from '@urikiri/simulation';
import { BENCH_POLICY, buildBenchScenario } from './bench-scenario';

const { seed, runs } = workerData as { seed: number; runs: number[] };
const scenario = buildBenchScenario(seed);
const [results] = simulateRuns(scenario, [BENCH_POLICY], runs, () => parentPort?.postMessage({ type: 'run-done' }));
parentPort?.postMessage({ type: 'results', results });
