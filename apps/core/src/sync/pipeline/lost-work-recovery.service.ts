import { Injectable } from '@nestjs/common';
import { ChannelDirectory } from '@urikiri/sync';
import { SyncDispatcher } from './sync-dispatcher.service';

/**
 * Owes again every piece of work a Redis that lost its data may have held: the database keeps the
 * truth (owed listings, outbox rows already relayed, accounts not cut over yet), Redis only the jobs
 * that would act on it. Every job here reads the current truth when it runs, so owing one that was
 * not lost does no harm: it is absorbed by the waiting one or finds nothing to do.
 */
@Injectable()
export class LostWorkRecovery {
  constructor(
    private readonly directory: ChannelDirectory,
    private readonly dispatcher: SyncDispatcher,
  ) {}

  async recover(): Promise<void> {
    // Allocations relayed from the outbox (its rows are marked published) but never run.
    await this.dispatcher.allocateAll('queue-state-lost');
    for (const account of await this.directory.accounts()) {
      // A cut-over job lost before it ran would leave the account never pushed to; a push job lost
      // would leave its owed listings (and their backed-off retries) waiting for reconciliation.
      if (account.cutoverAt) await this.dispatcher.push(account.id);
      else await this.dispatcher.cutover(account.id);
    }
  }
}
