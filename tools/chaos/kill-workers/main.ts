// `npm run chaos -- kill-workers [options]`: a flash sale against the service scaled out (API processes
// behind a balancer, worker processes, a scheduler) on PostgreSQL, one random worker SIGKILLed every few
// seconds and started again. Checks that no order was lost or doubled, nothing oversold, every channel
// in line within 10 s of the last kill, and the ledger's snapshot equal to its replay; exits 1 otherwise.
// Last line: {"orders":…,"oversells":…,"lostOrders":…,"doubledOrders":…,"kills":…,"convergenceMs":…,"snapshotMatchesReplay":…}.
import { parseDuration } from '../../load/duration-option';
import { runKillWorkers, type KillWorkersOptions } from '../../load/kill-workers-run';
import { DEFAULT_SCENARIO, parseScenario, SCENARIO_USAGE, ScenarioOptionError } from '../../load/load-scenario';

/** Every channel in line this soon after the last kill, or the run fails. */
const CONVERGENCE_BOUND_MS = 10_000;

const OWN_OPTIONS = ['apis', 'workers', 'kill-every', 'down', 'kills', 'lock-duration', 'stalled-interval', 'converge-timeout'] as const;
const USAGE =
  `npm run chaos -- kill-workers ${SCENARIO_USAGE} [--apis <n>] [--workers <n>] [--kill-every <5s>] [--down <1s>] [--kills <n>] ` +
  '[--lock-duration <5s>] [--stalled-interval <2s>] [--converge-timeout <60s>]';

function count(option: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > 16) throw new ScenarioOptionError(option, `an integer from ${min} to 16`, value);
  return n;
}

function parse(args: readonly string[]): KillWorkersOptions {
  const { scenario, rest } = parseScenario(args, { ...DEFAULT_SCENARIO, skus: 100, hotSkus: 5, ordersPerSecond: 10, durationMs: 60_000 });
  const unknown = [...rest.keys()].find((k) => !(OWN_OPTIONS as readonly string[]).includes(k));
  if (unknown !== undefined) throw new ScenarioOptionError(unknown, `one of the options of: ${USAGE}`, unknown);
  const duration = (option: string, fallback: string) => parseDuration(option, rest.get(option) ?? fallback);
  const kills = rest.get('kills');
  return {
    scenario,
    cluster: { api: count('apis', rest.get('apis'), 2, 1), worker: count('workers', rest.get('workers'), 3, 1), scheduler: 1 },
    killEveryMs: duration('kill-every', '5s'),
    downMs: duration('down', '1s'),
    ...(kills === undefined ? {} : { maxKills: count('kills', kills, 0, 1) }),
    lockDurationMs: duration('lock-duration', '5s'),
    stalledIntervalMs: duration('stalled-interval', '2s'),
    convergeTimeoutMs: duration('converge-timeout', '60s'),
  };
}

async function main(): Promise<void> {
  let options: KillWorkersOptions;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ScenarioOptionError)) throw error;
    process.stderr.write(`${error.message}\nUsage: ${USAGE}\n`);
    process.exit(2);
  }
  const log = (message: string) => process.stdout.write(`[${new Date().toISOString()}] ${message}\n`);
  const { scenario, cluster } = options;
  log(
    `kill-workers: ${scenario.ordersPerSecond} orders/s for ${scenario.durationMs / 1000} s over ${scenario.skus} SKUs on ${scenario.database}; ` +
      `${cluster.api} API, ${cluster.worker} worker, 1 scheduler process(es); a worker killed every ${options.killEveryMs / 1000} s, down ${options.downMs / 1000} s; ` +
      `lock ${options.lockDurationMs} ms, stalled check every ${options.stalledIntervalMs} ms`,
  );
  const report = await runKillWorkers({ ...options, log });
  const { result } = report;
  const failures = [
    result.oversells > 0 && `${result.oversells} units oversold`,
    result.lostOrders > 0 && `${result.lostOrders} sold units missing from the ledger`,
    result.doubledOrders > 0 && `${result.doubledOrders} units reserved twice`,
    (result.convergenceMs === null || result.convergenceMs > CONVERGENCE_BOUND_MS) &&
      `channels not in line within ${CONVERGENCE_BOUND_MS / 1000} s of the last kill (${result.convergenceMs ?? 'never'} ms; e.g. ${JSON.stringify(report.outOfLineAtEnd.slice(0, 3))})`,
    !result.snapshotMatchesReplay && `the stock snapshot differs from its replay: ${JSON.stringify(report.replayMismatches)}`,
  ].filter((f): f is string => typeof f === 'string');
  log(failures.length === 0 ? 'nothing lost, doubled or oversold; every channel in line; snapshot = replay' : `FAILED: ${failures.join('; ')}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
