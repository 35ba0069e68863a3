import { SeededRandom, type Fault } from '@urikiri/connector-sdk/testing';
import type { DemoChannelId } from '../demo/demo-channel-ids';
import type { DemoSandbox } from '../demo/sandboxes/demo-sandbox';
import { CHANNEL_OPERATIONS } from './channel-operations';

/** The call-level faults a flaky channel answers with, one picked per operation at every turn of the plan. */
export const CALL_FAULTS: readonly Fault[] = [
  { kind: 'rate-limit', retryAfterSeconds: 1 },
  { kind: 'server-error', status: 500 },
  { kind: 'timeout' },
  { kind: 'lost-response' },
];

/** What the outage channel says while it is down: come back in a few seconds, as a maintenance page does. */
const OUTAGE_RETRY_AFTER_SECONDS = 5;

export interface ChannelFaultPlanOptions {
  /** Share of every operation's calls that meet a fault (push calls: a fifth of it as per-listing refusals). */
  faultRate: number;
  /** How often the fault kind of each operation and the refusing listings change. */
  turnEveryMs: number;
  seed: number;
}

/**
 * Keeps the sandboxes flaky: every `turnEveryMs` each operation of each channel gets a fault kind
 * drawn anew (met by `faultRate` of its calls; on push calls four fifths of it, the rest refusing a
 * random share of the listings inside otherwise successful bulk calls), and one channel can be taken
 * down altogether (503 with Retry-After on every operation) and brought back.
 */
export class ChannelFaultPlan {
  private readonly random: SeededRandom;
  private timer: ReturnType<typeof setInterval> | null = null;
  private down: DemoChannelId | null = null;

  constructor(
    private readonly sandboxes: readonly DemoSandbox[],
    private readonly options: ChannelFaultPlanOptions,
  ) {
    if (!(options.faultRate >= 0 && options.faultRate <= 1)) throw new RangeError(`faultRate must be from 0 to 1, got ${options.faultRate}`);
    this.random = new SeededRandom(options.seed);
  }

  start(): void {
    this.turn();
    this.timer = setInterval(() => this.turn(), this.options.turnEveryMs);
  }

  takeDown(channel: DemoChannelId): void {
    this.down = channel;
    this.sandbox(channel).faults.startMaintenance(OUTAGE_RETRY_AFTER_SECONDS);
  }

  bringBack(): void {
    if (this.down) this.sandbox(this.down).faults.endMaintenance();
    this.down = null;
  }

  /** Every fault off, the outage over: the channels answer as they normally do. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.down = null;
    for (const sandbox of this.sandboxes) sandbox.faults.clear();
  }

  private turn(): void {
    const rate = this.options.faultRate;
    for (const sandbox of this.sandboxes) {
      // clear() also ends maintenance windows: the channel that is down is taken down again below.
      sandbox.faults.clear();
      for (const operation of CHANNEL_OPERATIONS[sandbox.channel]) {
        const fault = CALL_FAULTS[this.random.int(0, CALL_FAULTS.length - 1)];
        sandbox.faults.randomly(operation, fault, operation === 'push' ? (rate * 4) / 5 : rate);
      }
      sandbox.faults.failItems('push', this.refusing(sandbox, rate / 5));
      if (this.down === sandbox.channel) sandbox.faults.startMaintenance(OUTAGE_RETRY_AFTER_SECONDS);
    }
  }

  /** A random `share` of the channel's listings. */
  private refusing(sandbox: DemoSandbox, share: number): string[] {
    return sandbox.stock
      .listings()
      .map((l) => l.listingId)
      .filter(() => this.random.chance(share));
  }

  private sandbox(channel: DemoChannelId): DemoSandbox {
    const found = this.sandboxes.find((s) => s.channel === channel);
    if (!found) throw new RangeError(`no sandbox for channel ${channel}`);
    return found;
  }
}
