import type { MikroORM } from '@mikro-orm/core';
import { TransactionRunner } from '../persistence/transaction-runner';
import { CommandRunner, type Clock } from './command-runner';
import type {
  AdjustCommand,
  CommitCommand,
  ConfirmCommand,
  ReceiveCommand,
  ReleaseCommand,
  ReserveCommand,
  ReturnCommand,
  TransferCommand,
} from './ledger-commands.schema';
import type { LedgerError } from './ledger-errors';
import type { ReservationResult, StockChangeResult, TransferResult } from './ledger-results';
import { OnHandOperations } from './on-hand-operations';
import { ReservationBook } from './reservation-book';
import { ReservationCombiner, type CombinerOptions } from './reservation-combiner';

export interface InventoryLedgerOptions {
  clock?: Clock;
  /** Group commit of concurrent reservations per SKU (see ReservationCombiner). */
  combiner?: CombinerOptions;
}

/**
 * The central stock ledger. Every change is one short transaction: the idempotency claim, the
 * conditional stock update, the append-only movement rows and an outbox row. Framework-free: the
 * service, scripts and benchmarks construct it from a MikroORM instance.
 */
export class InventoryLedger {
  readonly dialect: 'postgresql' | 'sqlite';
  private readonly onHand: OnHandOperations;
  private readonly reservations: ReservationBook;
  private readonly combiner: ReservationCombiner;

  constructor(orm: MikroORM, options: InventoryLedgerOptions = {}) {
    const clock = options.clock ?? (() => new Date());
    const tx = new TransactionRunner(orm);
    const commands = new CommandRunner(tx, clock);
    this.dialect = tx.dialect;
    this.onHand = new OnHandOperations(commands);
    this.reservations = new ReservationBook(tx, commands, clock);
    this.combiner = new ReservationCombiner((batch) => this.reservations.reserveMany(batch), options.combiner);
  }

  receive(command: ReceiveCommand): Promise<StockChangeResult> {
    return this.onHand.receive(command);
  }

  adjust(command: AdjustCommand): Promise<StockChangeResult> {
    return this.onHand.adjust(command);
  }

  transfer(command: TransferCommand): Promise<TransferResult> {
    return this.onHand.transfer(command);
  }

  returnStock(command: ReturnCommand): Promise<StockChangeResult> {
    return this.onHand.returnStock(command);
  }

  /** Reserves one order line; concurrent calls for the same SKU share a transaction. */
  async reserve(command: ReserveCommand): Promise<ReservationResult> {
    const outcome = await this.combiner.submit(command);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  reserveMany(commands: ReserveCommand[]): Promise<Array<ReservationResult | LedgerError>> {
    return this.reservations.reserveMany(commands);
  }

  commit(command: CommitCommand): Promise<ReservationResult> {
    return this.reservations.commit(command);
  }

  /** Turns a cart hold into an order hold: the reservation no longer expires. */
  confirm(command: ConfirmCommand): Promise<ReservationResult> {
    return this.reservations.confirm(command);
  }

  release(command: ReleaseCommand): Promise<ReservationResult> {
    return this.reservations.release(command);
  }

  releaseExpired(now?: Date, limit?: number): Promise<number> {
    return this.reservations.releaseExpired(now, limit);
  }
}
