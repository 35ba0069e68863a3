// `npm run bench -- sync-latency [options]`: a flash sale through the four channel sandboxes (their
// documented limits, 50 ms per call) against the service on PostgreSQL: 50 orders/s over 1,000 SKUs for
// 60 s by default. Per channel: ingestion p99 (sale on the channel → reserved in the ledger), push
// p50/p95/p99 (ledger change committed → the channel holds the new value, from urikiri's publish
// records) and the bound (the p99 an ideal scheduler reaches under the same limits and round trip).
// Last line: {"channels":{...},"pushes":…,"stockChanges":…,"oversells":0}.
import { demoRuleSet } from '../../demo/demo-rules';
import { DEMO_ACCOUNTS, DEMO_CHANNEL_IDS } from '../../demo/demo-channel-ids';
import { runFlashSale } from '../../load/flash-sale-run';
import { ledgerMismatches, pushLatenciesSince, reservationsSince } from '../../load/ledger-evidence';
import { DEFAULT_SCENARIO, parseScenario, SCENARIO_USAGE, ScenarioOptionError } from '../../load/load-scenario';
import { percentile, summarize } from '../../load/percentiles';
import { idealPushP99 } from '../../load/push-bound';
import { channelPushLimits, targetChangesOf } from '../../load/push-bound-inputs';
import { RuleTargets } from '../../load/rule-targets';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseScenario(process.argv.slice(2), DEFAULT_SCENARIO);
    const unknown = [...parsed.rest.keys()];
    if (unknown.length > 0) throw new ScenarioOptionError(unknown[0], `one of: ${SCENARIO_USAGE}`, unknown[0]);
  } catch (error) {
    if (!(error instanceof ScenarioOptionError)) throw error;
    process.stderr.write(`${error.message}\nUsage: npm run bench -- sync-latency ${SCENARIO_USAGE}\n`);
    process.exit(2);
  }
  const { scenario } = parsed;
  const log = (message: string) => process.stdout.write(`[${new Date().toISOString()}] ${message}\n`);
  const run = await runFlashSale({ scenario, convergeTimeoutMs: 600_000, log });
  try {
    const api = run.service.api;
    log('reading the ledger and every listing\'s publish history');
    const reservations = await reservationsSince(api, run.startedAt);
    const placed = new Map(run.eventDriven.orders.map((o) => [o.orderId, o]));
    const ingest = new Map<string, number[]>(DEMO_CHANNEL_IDS.map((c) => [c, []]));
    const firstReserved = new Map<string, number>();
    for (const r of reservations) {
      const orderId = r.reference?.id ?? '';
      if (!firstReserved.has(orderId)) firstReserved.set(orderId, Date.parse(r.at));
    }
    let unmatched = 0;
    for (const [orderId, at] of firstReserved) {
      const order = placed.get(orderId);
      if (order) ingest.get(order.channel)?.push(at - order.atMs);
      else unmatched += 1;
    }
    const pushes = await pushLatenciesSince(api, run.startedAt);
    const targets = new RuleTargets(demoRuleSet(new Date()));
    const changes = targetChangesOf(reservations.map((r) => ({ sku: r.sku, atMs: Date.parse(r.at), units: r.reservedDelta })), run.products, targets);
    const limits = channelPushLimits(scenario.latencyMs);
    const channels: Record<string, unknown> = {};
    for (const channel of DEMO_CHANNEL_IDS) {
      const push = summarize(pushes.get(DEMO_ACCOUNTS[channel].id) ?? []);
      const ingestP99 = percentile(ingest.get(channel) ?? [], 99);
      channels[channel] = {
        ingestP99Ms: ingestP99 === null ? null : Math.round(ingestP99),
        pushP50Ms: push.p50Ms,
        pushP95Ms: push.p95Ms,
        pushP99Ms: push.p99Ms,
        boundP99Ms: idealPushP99(changes[channel], limits[channel]),
        pushCount: push.count,
        targetChanges: changes[channel].length,
      };
      log(`${channel}: ${JSON.stringify(channels[channel])}`);
    }
    const mismatches = await ledgerMismatches(api, run.eventDriven);
    log(`ledger: ${mismatches.length} SKUs differ from what the channels sold; ${unmatched} reservations matched no order of the run; converged ${run.convergedAfterMs} ms after the last buyer`);
    process.stdout.write(
      `${JSON.stringify({
        channels,
        pushes: [...pushes.values()].reduce((sum, l) => sum + l.length, 0),
        stockChanges: reservations.length,
        oversells: run.eventDriven.oversoldUnits(),
        ledgerMismatches: mismatches.length,
        convergedAfterMs: run.convergedAfterMs,
        orders: run.eventDriven.orders.length,
        scenario: { ...scenario, setupMs: run.setupMs },
      })}\n`,
    );
  } finally {
    await run.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
