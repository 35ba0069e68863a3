import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelSyncState, describeLine } from '../demo/channel-sync-state';
import { DEMO_CHANNEL_IDS, demoPorts } from '../demo/demo-channel-ids';
import { demoRuleSet } from '../demo/demo-rules';
import { startDemoRuntime, type DemoRuntime } from '../demo/demo-runtime';
import { DemoStateFile } from '../demo/demo-state-file';
import { startDemoSandboxes, type DemoSandboxes } from '../demo/sandboxes/demo-sandboxes';
import { arrivalsOf } from './arrivals';
import { IntervalSync } from './interval-sync';
import { loadCatalogue, type LoadProduct } from './load-catalogue';
import type { LoadScenario } from './load-scenario';
import { listLoadProducts, seedLoad } from './load-seeding';
import { startLoadService, type LoadService } from './load-service';
import { RuleTargets } from './rule-targets';
import { SaleWorld } from './sale-world';

export interface FlashSaleOptions {
  scenario: LoadScenario;
  /** Also run the same buyers against channels kept by a periodic sync every `intervalMs`. */
  intervalMs?: number;
  /** How long the event-driven channels may take to come in line after the last buyer. */
  convergeTimeoutMs: number;
  /** How often every listing is compared with the truth (false stock-out time, lag episodes). */
  sampleEveryMs?: number;
  /** Extra environment for the service (e.g. fault settings). */
  serviceEnv?: Record<string, string>;
  /** Starts the service under test; one process with every role by default. */
  startService?: (scenario: LoadScenario, env?: Record<string, string>) => Promise<LoadService>;
  /**
   * Runs beside the sale from its first buyer (kill processes, inject faults, take a channel down);
   * the function it returns is awaited after the last buyer, before convergence is waited for.
   */
  duringSale?: (context: SaleContext) => () => Promise<void>;
  log?: (message: string) => void;
}

export interface SaleContext {
  service: LoadService;
  /** The event-driven channels. */
  sandboxes: DemoSandboxes;
  log: (message: string) => void;
}

export interface FlashSaleRun {
  products: readonly LoadProduct[];
  service: LoadService;
  eventDriven: SaleWorld;
  interval: SaleWorld | null;
  /** Wall clock at the first buyer. */
  startedAt: number;
  /** Wall clock at the last buyer. */
  lastArrivalAt: number;
  setupMs: number;
  /**
   * From the last buyer (or the end of the disturbance, if later) until every event-driven listing
   * showed what the rules on the truth say; null if it did not within the timeout.
   */
  convergedAfterMs: number | null;
  /** Stops the service and the sandboxes; call after reading what is needed from the service. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * A flash sale driven through the channels, never through urikiri's API: buyers order on the
 * sandboxes (which lower their own stock at once), urikiri hears of it by webhook or polling as it
 * would from the real channels, and pushes back under the channels' limits. With `intervalMs`, a
 * second set of sandboxes meets exactly the same buyers on the same clock, kept by a periodic sync.
 */
export async function runFlashSale(options: FlashSaleOptions): Promise<FlashSaleRun> {
  const { scenario } = options;
  const log = options.log ?? (() => undefined);
  const products = loadCatalogue(scenario);
  const arrivals = arrivalsOf(scenario, products);
  const targets = new RuleTargets(demoRuleSet(new Date()));
  const directory = mkdtempSync(join(tmpdir(), 'urikiri-flash-sale-'));
  const each = { latencyMs: scenario.latencyMs, list: listLoadProducts(products) };
  const closers: Array<() => Promise<void>> = [async () => rmSync(directory, { recursive: true, force: true })];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    const setupStarted = Date.now();
    log(`starting the service on ${scenario.database} and four sandboxes (${scenario.latencyMs} ms per call)`);
    const service = await (options.startService ?? startLoadService)(scenario, options.serviceEnv);
    closers.push(() => service.close());
    const runtime: DemoRuntime = await startDemoRuntime({ basePort: 0, stateFile: join(directory, 'event-driven.json'), sandboxes: each });
    closers.push(() => runtime.close());
    runtime.control.connect(service.url, service.api);
    // LOAD_DEBUG=1 prints the throwaway admin key too, to query the service while the run goes on.
    log(`service at ${service.url}${process.env['LOAD_DEBUG'] ? ` (admin key ${service.api.key})` : ''}`);
    log(`seeding ${products.length} SKUs on ${DEMO_CHANNEL_IDS.length} channels and waiting until every listing is in line`);
    await seedLoad(service.api, runtime.sandboxes.all, products, Math.max(120_000, products.length * 400));
    const eventDriven = new SaleWorld('eventDriven', runtime.sandboxes, products, targets);

    let interval: SaleWorld | null = null;
    let periodic: IntervalSync | null = null;
    if (options.intervalMs !== undefined) {
      const sandboxes: DemoSandboxes = await startDemoSandboxes({
        ports: demoPorts(0),
        webhookUrl: () => null,
        state: new DemoStateFile(join(directory, 'interval.json')),
        each,
      });
      closers.push(() => sandboxes.close());
      periodic = new IntervalSync(sandboxes, products, targets, options.intervalMs);
      log(`first sync of the periodic channels (then every ${options.intervalMs / 1000} s)`);
      await periodic.start();
      closers.push(() => periodic?.stop() ?? Promise.resolve());
      interval = new SaleWorld(`interval`, sandboxes, products, targets);
    }
    const setupMs = Date.now() - setupStarted;

    const worlds = [eventDriven, ...(interval ? [interval] : [])];
    const step = options.sampleEveryMs ?? 100;
    const sampler = setInterval(() => worlds.forEach((w) => w.sample(step)), step);
    closers.push(async () => clearInterval(sampler));
    log(`the sale: ${arrivals.length} buyers over ${scenario.durationMs / 1000} s`);
    const startedAt = Date.now();
    const endDisturbance = options.duringSale?.({ service, sandboxes: runtime.sandboxes, log });
    for (const arrival of arrivals) {
      const wait = startedAt + arrival.atMs - Date.now();
      if (wait > 1) await sleep(wait);
      for (const world of worlds) world.offer(arrival);
    }
    const lastArrivalAt = Date.now();
    await endDisturbance?.();
    const quietFrom = Date.now();
    log('last buyer served; waiting for the event-driven channels to come in line');
    let convergedAfterMs: number | null = null;
    let toldAt = Date.now();
    while (Date.now() - quietFrom < options.convergeTimeoutMs) {
      const out = eventDriven.outOfLine();
      if (out.length === 0) {
        convergedAfterMs = Date.now() - quietFrom;
        break;
      }
      if (Date.now() - toldAt >= 5000) {
        toldAt = Date.now();
        const serviceSays = await channelSyncState(service.api, runtime.sandboxes.all, { skus: out.slice(0, 4).map((l) => l.sku) });
        log(`${out.length} listings not yet in line, e.g. ${out.slice(0, 4).map((l) => `${l.channel} ${l.sku} shows ${l.shows}, rules say ${l.should}`).join('; ')} | service: ${serviceSays.filter((l) => !l.inLine).slice(0, 4).map(describeLine).join('; ')}`);
      }
      await sleep(50);
    }
    clearInterval(sampler);
    await periodic?.stop();
    return { products, service, eventDriven, interval, startedAt, lastArrivalAt, setupMs, convergedAfterMs, close };
  } catch (error) {
    await close();
    throw error;
  }
}
