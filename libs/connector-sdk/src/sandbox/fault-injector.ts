import type { Clock } from '../rate-limit/token-bucket';
import type { SeededRandom } from './seeded-random';

/**
 * What can go wrong on one call:
 * - `rate-limit`: 429 with Retry-After, whatever the bucket says.
 * - `server-error`: a 5xx (500 by default), with Retry-After when `retryAfterSeconds` is given (a 503
 *   of an overloaded channel that says when to come back).
 * - `timeout`: the sandbox never answers; the caller's timeout must fire.
 * - `lost-response`: the call takes effect, then the connection drops before the answer, so the
 *   caller cannot know it succeeded: the case idempotent retries exist for.
 */
export type Fault =
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'server-error'; status?: number; retryAfterSeconds?: number }
  | { kind: 'timeout' }
  | { kind: 'lost-response' };

export interface MaintenanceWindow {
  from: number;
  to: number;
  /** Operations stopped by the window; all when left out (Rakuten stops only its inventory API). */
  operations?: readonly string[];
  retryAfterSeconds: number;
}

/** Faults a test or a demo arranges for a sandbox; the sandbox server consults it on every call. */
export class FaultInjector {
  private readonly queued = new Map<string, Fault[]>();
  private readonly random = new Map<string, { fault: Fault; probability: number }>();
  private readonly itemFailures = new Map<string, Map<string, string>>();
  private windows: MaintenanceWindow[] = [];

  constructor(
    private readonly rng: SeededRandom,
    private readonly clock: Clock,
  ) {}

  /** The next `times` calls of `operation` meet `fault`. */
  next(operation: string, fault: Fault, times = 1): this {
    const list = this.queued.get(operation) ?? [];
    for (let i = 0; i < times; i += 1) {
      list.push(fault);
    }
    this.queued.set(operation, list);
    return this;
  }

  /** Each call of `operation` meets `fault` with `probability`, drawn from the sandbox's seed. */
  randomly(operation: string, fault: Fault, probability: number): this {
    if (!(probability >= 0 && probability <= 1)) {
      throw new RangeError(`probability must be between 0 and 1, got ${probability}`);
    }
    this.random.set(operation, { fault, probability });
    return this;
  }

  /** Partial bulk failure: these listings fail inside an otherwise successful `operation` call. */
  failItems(operation: string, listingIds: readonly string[], code = 'injected-failure'): this {
    const failures = this.itemFailures.get(operation) ?? new Map<string, string>();
    for (const id of listingIds) {
      failures.set(id, code);
    }
    this.itemFailures.set(operation, failures);
    return this;
  }

  /** The error code a channel handler should report for this item, or null when it succeeds. */
  itemFailure(operation: string, listingId: string): string | null {
    return this.itemFailures.get(operation)?.get(listingId) ?? null;
  }

  /** A maintenance window: calls inside it answer 503 with Retry-After. */
  maintenance(window: MaintenanceWindow): this {
    this.windows.push(window);
    return this;
  }

  startMaintenance(retryAfterSeconds = 60, operations?: readonly string[]): this {
    return this.maintenance({ from: this.clock(), to: Number.POSITIVE_INFINITY, retryAfterSeconds, operations });
  }

  endMaintenance(): this {
    const now = this.clock();
    this.windows = this.windows.map((w) => (w.from <= now && now < w.to ? { ...w, to: now } : w));
    return this;
  }

  /** The maintenance window covering `operation` now, if any. */
  activeMaintenance(operation: string): MaintenanceWindow | null {
    const now = this.clock();
    return (
      this.windows.find(
        (w) => w.from <= now && now < w.to && (w.operations === undefined || w.operations.includes(operation)),
      ) ?? null
    );
  }

  /** Consumes the fault this call of `operation` meets, if any. */
  take(operation: string): Fault | null {
    const list = this.queued.get(operation);
    if (list && list.length > 0) {
      return list.shift() as Fault;
    }
    const random = this.random.get(operation);
    if (random && this.rng.chance(random.probability)) {
      return random.fault;
    }
    return null;
  }

  clear(): this {
    this.queued.clear();
    this.random.clear();
    this.itemFailures.clear();
    this.windows = [];
    return this;
  }
}
