// `npm run replay -- flash-sale [options]`: a flash sale driven through the four channel sandboxes
// against the running service (started here on PostgreSQL by default), measured against the truth.
// With `--sync-interval 5m` the same buyers also meet channels kept by a periodic sync, side by side.
// Last line: {"eventDriven":{...},"interval5m":{...}}.
import { intervalKey, parseDuration } from '../../load/duration-option';
import { runFlashSale } from '../../load/flash-sale-run';
import { ledgerMismatches } from '../../load/ledger-evidence';
import { DEFAULT_SCENARIO, parseScenario, SCENARIO_USAGE, ScenarioOptionError } from '../../load/load-scenario';
import { channelTable, reportOf } from '../../load/sale-report';

const USAGE = `npm run replay -- flash-sale ${SCENARIO_USAGE} [--sync-interval <5m|90s|...>] [--converge-timeout <s>]`;

async function main(): Promise<void> {
  let parsed;
  let intervalOption: string | undefined;
  let convergeTimeoutMs = 300_000;
  try {
    parsed = parseScenario(process.argv.slice(2), { ...DEFAULT_SCENARIO, durationMs: 600_000 });
    intervalOption = parsed.rest.get('sync-interval');
    const converge = parsed.rest.get('converge-timeout');
    if (converge !== undefined) convergeTimeoutMs = parseDuration('converge-timeout', `${converge}s`);
    const unknown = [...parsed.rest.keys()].filter((k) => k !== 'sync-interval' && k !== 'converge-timeout');
    if (unknown.length > 0) throw new ScenarioOptionError(unknown[0], `one of the options of: ${USAGE}`, unknown[0]);
  } catch (error) {
    if (!(error instanceof ScenarioOptionError)) throw error;
    process.stderr.write(`${error.message}\nUsage: ${USAGE}\n`);
    process.exit(2);
  }
  const { scenario } = parsed;
  const intervalMs = intervalOption === undefined ? undefined : parseDuration('sync-interval', intervalOption);
  const log = (message: string) => process.stdout.write(`[${new Date().toISOString()}] ${message}\n`);
  log(`flash sale: ${scenario.ordersPerSecond} orders/s for ${scenario.durationMs / 1000} s over ${scenario.skus} SKUs (${scenario.hotSkus} hot), speed 1 (real time), seed ${scenario.seed}`);
  const run = await runFlashSale({ scenario, intervalMs, convergeTimeoutMs, log });
  try {
    const eventDriven = reportOf(run.eventDriven);
    const mismatches = await ledgerMismatches(run.service.api, run.eventDriven);
    process.stdout.write(`${channelTable('event-driven (urikiri)', eventDriven)}\n`);
    process.stdout.write(
      `ledger: ${mismatches.length === 0 ? 'every SKU holds exactly the units the channels sold' : `${mismatches.length} SKUs differ: ${JSON.stringify(mismatches.slice(0, 5))}`}; ` +
        `converged ${run.convergedAfterMs === null ? 'NOT within the timeout' : `${run.convergedAfterMs} ms after the last buyer`}\n`,
    );
    const result: Record<string, unknown> = {
      eventDriven: { oversells: eventDriven.oversells, falseStockoutUnits: eventDriven.falseStockoutUnits, pushP99Ms: eventDriven.pushP99Ms, outOfLineAtEnd: eventDriven.outOfLineAtEnd, convergedAfterMs: run.convergedAfterMs, ledgerMismatches: mismatches.length, channels: eventDriven.channels },
    };
    if (run.interval && intervalOption !== undefined) {
      const interval = reportOf(run.interval);
      process.stdout.write(`${channelTable(`periodic sync every ${intervalOption}`, interval)}\n`);
      result[intervalKey(intervalOption)] = { oversells: interval.oversells, falseStockoutUnits: interval.falseStockoutUnits, pushP99Ms: interval.pushP99Ms, outOfLineAtEnd: interval.outOfLineAtEnd, channels: interval.channels };
    }
    result['scenario'] = { ...scenario, speed: 1, buyers: run.eventDriven.orders.length + Object.values(run.eventDriven.tallies).reduce((s, t) => s + t.ordersRefused, 0), setupMs: run.setupMs };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await run.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
