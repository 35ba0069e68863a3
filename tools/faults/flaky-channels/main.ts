// `npm run faults -- flaky-channels [options]`: a flash sale whose four channel sandboxes answer 20 %
// of the service's calls with 429s, 5xx, timeouts, lost answers and per-listing refusals, while one
// channel is down for 60 s in the middle. After the last buyer the faults stop; the run reports how
// long the listings took to come in line with the truth, and whether any order was lost or doubled.
// Last line: {"orders":…,"oversells":…,"lostOrders":…,"doubledOrders":…,"faultsInjected":…,"outageMs":…,"convergenceMs":…,"deadLetters":…,…}.
import { DEMO_CHANNEL_IDS, type DemoChannelId } from '../../demo/demo-channel-ids';
import { parseDuration } from '../../load/duration-option';
import { DEFAULT_SCENARIO, parseScenario, SCENARIO_USAGE, ScenarioOptionError } from '../../load/load-scenario';
import { runFlakyChannels } from '../flaky-channels-run';

const USAGE = `npm run faults -- flaky-channels ${SCENARIO_USAGE} [--fault-rate <0..1>] [--outage-channel ${DEMO_CHANNEL_IDS.join('|')}|none] [--outage <60s|2m|...>] [--converge-timeout <s>]`;

interface FaultOptions {
  faultRate: number;
  outageChannel: DemoChannelId | null;
  outageMs: number;
  convergeTimeoutMs: number;
}

function faultOptions(rest: Map<string, string>): FaultOptions {
  const options: FaultOptions = { faultRate: 0.2, outageChannel: 'rakuten', outageMs: 60_000, convergeTimeoutMs: 300_000 };
  for (const [name, value] of rest) {
    if (name === 'fault-rate') {
      const rate = Number(value);
      if (!(rate >= 0 && rate <= 1)) throw new ScenarioOptionError(name, 'a share from 0 to 1 (0.2 is 20 %)', value);
      options.faultRate = rate;
    } else if (name === 'outage-channel') {
      if (value !== 'none' && !(DEMO_CHANNEL_IDS as readonly string[]).includes(value)) throw new ScenarioOptionError(name, `one of ${DEMO_CHANNEL_IDS.join(', ')} or none`, value);
      options.outageChannel = value === 'none' ? null : (value as DemoChannelId);
    } else if (name === 'outage') {
      options.outageMs = parseDuration(name, value);
    } else if (name === 'converge-timeout') {
      options.convergeTimeoutMs = parseDuration(name, `${value}s`);
    } else {
      throw new ScenarioOptionError(name, `one of the options of: ${USAGE}`, name);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let parsed;
  let options: FaultOptions;
  try {
    parsed = parseScenario(process.argv.slice(2), { ...DEFAULT_SCENARIO, durationMs: 120_000 });
    options = faultOptions(parsed.rest);
    if (options.outageChannel && options.outageMs >= parsed.scenario.durationMs) {
      throw new ScenarioOptionError('outage', `shorter than --duration (${parsed.scenario.durationMs / 1000} s)`, `${options.outageMs / 1000}s`);
    }
  } catch (error) {
    if (!(error instanceof ScenarioOptionError)) throw error;
    process.stderr.write(`${error.message}\nUsage: ${USAGE}\n`);
    process.exit(2);
  }
  const { scenario } = parsed;
  const log = (message: string) => process.stdout.write(`[${new Date().toISOString()}] ${message}\n`);
  log(`flaky channels: ${scenario.ordersPerSecond} orders/s for ${scenario.durationMs / 1000} s over ${scenario.skus} SKUs on ${scenario.database}, seed ${scenario.seed}`);
  const report = await runFlakyChannels({ scenario, ...options, log });
  log(`faults injected: ${JSON.stringify(report.faults.byKind)}, ${report.faults.outageRefusals} calls refused by the channel that was down`);
  log(`dead letters taken back by the operator: ${report.deadLettersRetried}${report.deadLetterReasons.length > 0 ? ` (e.g. ${report.deadLetterReasons.join(' | ')})` : ''}`);
  log(`converged ${report.convergenceMs === null ? `NOT within ${options.convergeTimeoutMs / 1000} s (${report.outOfLineAtEnd} listings off)` : `${report.convergenceMs} ms after the faults stopped`}; lost ${report.lostOrders}, doubled ${report.doubledOrders}, oversold ${report.oversells} units`);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
