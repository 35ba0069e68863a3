// `npm run bench -- simulation`: 1,000 SKUs × 4 channels × 14 days, about 100,000 orders per run,
// 200 Monte Carlo runs over worker threads (one per core), allocation by libs/allocation on every
// stock change. The last line is one JSON object with the measured figures.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { conserves, summarisePolicy, type RunMetrics } from '@urikiri/simulation';
import { BENCH_POLICY, buildBenchScenario, SKUS } from './bench-scenario';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    workers: { type: 'string', default: String(availableParallelism()) },
    seed: { type: 'string', default: '20261204' },
  },
});
const runs = Number(values.runs);
const workers = Math.max(1, Math.min(Number(values.workers), runs));
const seed = Number(values.seed);


// The worker entry is TypeScript: load the same SWC hook the main thread was started with.
const workerSource = `require('@swc-node/register'); require(${JSON.stringify(`${__dirname}/simulation-worker.ts`)});`;

function runWorker(share: number[], onRun: () => void): Promise<RunMetrics[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { seed, runs: share } });
    worker.on('message', (message: { type: string; results?: RunMetrics[] }) => {
      if (message.type === 'run-done') onRun();
      else resolve(message.results ?? []);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`simulation worker stopped with exit code ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const shares = Array.from({ length: workers }, (_, w) =>
    Array.from({ length: runs }, (_, r) => r).filter((r) => r % workers === w),
  );
  let done = 0;
  // process.cpuUsage covers every thread of the process: the CPU time all workers spent together.
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const outcomes = await Promise.all(
    shares.map((share) =>
      runWorker(share, () => {
        done++;
        if (done % 20 === 0 || done === runs) process.stderr.write(`runs ${done}/${runs}\n`);
      }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const results = outcomes.flat().sort((a, b) => a.run - b.run);
  const orders = results.reduce((sum, m) => sum + m.demand, 0);
  const allocations = results.reduce((sum, m) => sum + m.allocations, 0);
  const scenario = buildBenchScenario(seed);
  const summary = summarisePolicy(BENCH_POLICY.name, scenario, results, { oversellUnit: 3000, lostUnit: 1200 });
  const loadAfter = loadavg();
  console.log(
    `${SKUS} SKUs × ${scenario.channels.length} channels, ${scenario.dayStarts.length} days, ${runs} runs on ${workers} worker threads; ` +
      `orders per run mean ${Math.round(orders / runs)}, allocations per run mean ${Math.round(allocations / runs)}`,
  );
  console.log(
    `per run (median): sold ${summary.sold.p50}, turned away ${summary.turnedAway.p50}, lost ${summary.lost.p50}, ` +
      `oversold ${summary.oversold.p50}, leftover ${summary.leftover.p50}; units conserved in every run: ${results.every(conserves)}`,
  );
  console.log(
    `CPU seconds, all threads: ${cpuSeconds.toFixed(1)} (${((cpuSeconds / runs) * 1000).toFixed(0)} ms per run); ` +
      `load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(
    JSON.stringify({
      seconds: Math.round(seconds * 10) / 10,
      runs,
      orders,
      ordersPerSec: Math.round(orders / seconds),
      allocations,
      workers,
      cpuSeconds: Math.round(cpuSeconds * 10) / 10,
    }),
  );
}

void main();
