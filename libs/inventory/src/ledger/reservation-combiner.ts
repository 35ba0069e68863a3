import type { ReserveCommand } from './ledger-commands.schema';
import type { LedgerError } from './ledger-errors';
import type { ReservationResult } from './ledger-results';

type Outcome = ReservationResult | LedgerError;

interface Waiting {
  command: ReserveCommand;
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

export interface CombinerOptions {
  /** Most order lines written in one transaction. */
  maxBatch: number;
  /** Transactions in flight per SKU: they queue on the same row lock anyway. */
  maxInFlightPerSku: number;
}

/**
 * Group commit for hot SKUs. A reservation starts at once when its SKU is idle (no added latency at
 * low load); while a transaction for the SKU is in flight, new ones wait and then go together in the
 * next transaction. One row lock and one commit then serve a whole batch instead of one line.
 */
export class ReservationCombiner {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly write: (commands: ReserveCommand[]) => Promise<Outcome[]>,
    private readonly options: CombinerOptions = { maxBatch: 128, maxInFlightPerSku: 1 },
  ) {}

  submit(command: ReserveCommand): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      const key = typeof command?.sku === 'string' ? command.sku : '';
      const queue = this.queues.get(key) ?? [];
      queue.push({ command, resolve, reject });
      this.queues.set(key, queue);
      this.pump(key);
    });
  }

  private pump(key: string): void {
    const queue = this.queues.get(key);
    while (queue && queue.length > 0 && (this.inFlight.get(key) ?? 0) < this.options.maxInFlightPerSku) {
      const batch = queue.splice(0, this.options.maxBatch);
      this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
      this.write(batch.map((w) => w.command))
        .then(
          (outcomes) => batch.forEach((w, i) => w.resolve(outcomes[i])),
          (error: unknown) => batch.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          const left = (this.inFlight.get(key) ?? 1) - 1;
          if (left === 0) this.inFlight.delete(key);
          else this.inFlight.set(key, left);
          if (queue.length === 0 && left === 0) this.queues.delete(key);
          else this.pump(key);
        });
    }
  }
}
