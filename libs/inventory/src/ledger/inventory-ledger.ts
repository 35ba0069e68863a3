import type { MikroORM } from '@mikro-orm/core';
import { TransactionRunner } from '../persistence/transaction-runner';
import { CommandRunner, type Clock } from './command-runner';
import type {
  AdjustCommand,
  CommitCommand,
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

export interface InventoryLedgerOptions {
  clock?: Clock;
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

  constructor(orm: MikroORM, options: InventoryLedgerOptions = {}) {
    const clock = options.clock ?? (() => new Date());
    const tx = new TransactionRunner(orm);
    const commands = new CommandRunner(tx, clock);
    this.dialect = tx.dialect;
    this.onHand = new OnHandOperations(commands);
    this.reservations = new ReservationBook(tx, commands, clock);
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

  reserve(command: ReserveCommand): Promise<ReservationResult> {
    return this.reservations.reserve(command);
  }

  reserveMany(commands: ReserveCommand[]): Promise<Array<ReservationResult | LedgerError>> {
    return this.reservations.reserveMany(commands);
  }

  commit(command: CommitCommand): Promise<ReservationResult> {
    return this.reservations.commit(command);
  }

  release(command: ReleaseCommand): Promise<ReservationResult> {
    return this.reservations.release(command);
  }

  releaseExpired(now?: Date, limit?: number): Promise<number> {
    return this.reservations.releaseExpired(now, limit);
  }
}
