import type { DemoChannelId } from '../demo/demo-channel-ids';
import { runFlashSale, type FlashSaleRun, type SaleContext } from '../load/flash-sale-run';
import { ledgerMismatches } from '../load/ledger-evidence';
import type { LoadScenario } from '../load/load-scenario';
import { ChannelFaultPlan } from './channel-fault-plan';
import { DeadLetterOperator, listDeadLetters } from './dead-letter-operator';
import { countInjectedFaults, type InjectedFaultCount } from './injected-fault-count';

export interface FlakyChannelsOptions {
  scenario: LoadScenario;
  /** Share of every operation's calls that meet a fault while buyers arrive. */
  faultRate: number;
  /** The channel that goes down in the middle of the sale; null for none. */
  outageChannel: DemoChannelId | null;
  outageMs: number;
  convergeTimeoutMs: number;
  /** How often the faults change (kind per operation, refusing listings). */
  turnEveryMs?: number;
  /** How often the service reads every channel back (RECONCILE_INTERVAL_MS); the service's default (hourly) when left out. */
  reconcileEveryMs?: number;
  /** How often the operator takes dead letters back. */
  retryDeadLettersEveryMs?: number;
  log?: (message: string) => void;
}

/** The fault run's last line: the figures of issue #13's acceptance, then the detail. */
export interface FlakyChannelsReport {
  orders: number;
  oversells: number;
  /** Units the channels sold that the ledger never reserved. */
  lostOrders: number;
  /** Units the ledger reserved beyond what the channels sold. */
  doubledOrders: number;
  faultsInjected: number;
  outageMs: number;
  /** From the end of the faults until every listing showed what the rules on the truth say; null if not within the timeout. */
  convergenceMs: number | null;
  /** Dead letters left once the run converged (or timed out). */
  deadLetters: number;
  faults: InjectedFaultCount;
  /** Dead letters the operator took back during the run, and why the service had set them aside. */
  deadLettersRetried: number;
  deadLetterReasons: string[];
  outOfLineAtEnd: number;
}

/**
 * A flash sale whose channels misbehave: from the first buyer to the last, every sandbox operation
 * meets `faultRate` faults and `outageChannel` is down for `outageMs` in the middle; the operator
 * takes dead letters back as the runbook says. Then the faults stop, and the run measures how long
 * the channels take to come in line with the truth and whether the ledger holds every sold unit once.
 */
export async function runFlakyChannels(options: FlakyChannelsOptions): Promise<FlakyChannelsReport> {
  const log = options.log ?? (() => undefined);
  const { scenario } = options;
  if (options.outageChannel && options.outageMs >= scenario.durationMs) {
    throw new RangeError(`the outage (${options.outageMs} ms) must be shorter than the sale (${scenario.durationMs} ms)`);
  }
  // Filled in when the sale starts: the service's API is known only then.
  const started: { operator: DeadLetterOperator | null } = { operator: null };
  const outage = { from: 0, to: 0 };
  const duringSale = (context: SaleContext) => {
    const active = new ChannelFaultPlan(context.sandboxes.all, { faultRate: options.faultRate, turnEveryMs: options.turnEveryMs ?? 2000, seed: scenario.seed });
    const operator = new DeadLetterOperator(context.service.api, options.retryDeadLettersEveryMs ?? 2000);
    started.operator = operator;
    log(`faults on: ${Math.round(options.faultRate * 100)} % of every operation's calls${options.outageChannel ? `; ${options.outageChannel} down for ${options.outageMs / 1000} s in the middle` : ''}`);
    active.start();
    operator.start();
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    if (options.outageChannel) {
      const channel = options.outageChannel;
      const startsAt = (scenario.durationMs - options.outageMs) / 2;
      timers.push(setTimeout(() => {
        outage.from = Date.now();
        active.takeDown(channel);
        log(`${channel} is down`);
      }, startsAt));
      timers.push(setTimeout(() => {
        active.bringBack();
        outage.to = Date.now();
        log(`${channel} is back`);
      }, startsAt + options.outageMs));
    }
    return async () => {
      timers.forEach(clearTimeout);
      if (outage.from > 0 && outage.to === 0) outage.to = Date.now();
      active.stop();
      log('faults off');
    };
  };

  const serviceEnv = options.reconcileEveryMs === undefined ? undefined : { RECONCILE_INTERVAL_MS: String(options.reconcileEveryMs) };
  const run: FlashSaleRun = await runFlashSale({ scenario, convergeTimeoutMs: options.convergeTimeoutMs, serviceEnv, duringSale, log });
  try {
    const retried = started.operator;
    await retried?.stop();
    const faults = countInjectedFaults(run.eventDriven.sandboxes.all);
    const mismatches = await ledgerMismatches(run.service.api, run.eventDriven);
    const deadLetters = await listDeadLetters(run.service.api);
    return {
      orders: run.eventDriven.orders.length,
      oversells: run.eventDriven.oversoldUnits(),
      lostOrders: mismatches.reduce((sum, m) => sum + Math.max(0, m.sold - m.ledgerReserved), 0),
      doubledOrders: mismatches.reduce((sum, m) => sum + Math.max(0, m.ledgerReserved - m.sold), 0),
      faultsInjected: faults.calls,
      outageMs: outage.to - outage.from,
      convergenceMs: run.convergedAfterMs,
      deadLetters: deadLetters.length,
      faults,
      deadLettersRetried: retried?.retryCount ?? 0,
      deadLetterReasons: [...new Set([...(retried?.retried.values() ?? [])].map((reason) => reason ?? 'no reason recorded'))].slice(0, 5),
      outOfLineAtEnd: run.eventDriven.outOfLine().length,
    };
  } finally {
    await run.close();
  }
}
