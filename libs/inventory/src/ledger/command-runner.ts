import type { SqlSession } from '../persistence/sql-session';
import type { TransactionRunner } from '../persistence/transaction-runner';
import { claimCommands, priorResults, storeResults } from './idempotency';
import { requestHash } from './request-hash';

export type Clock = () => Date;

/**
 * Runs one ledger command exactly once per idempotency key: the key is claimed first in the
 * transaction, the work and its result are written with it, and a repeat answers the first result.
 */
export class CommandRunner {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async run<R>(
    operation: string,
    command: { idempotencyKey: string },
    work: (sql: SqlSession, now: Date) => Promise<R>,
  ): Promise<R> {
    const claim = { key: command.idempotencyKey, operation, hash: requestHash(operation, command) };
    const now = this.clock();
    const outcome = await this.tx.run(async (sql) => {
      const claimed = await claimCommands(sql, [claim], now);
      if (!claimed.has(claim.key)) return { repeat: true as const };
      const result = await work(sql, now);
      await storeResults(sql, [{ key: claim.key, result }]);
      return { repeat: false as const, result };
    });
    if (!outcome.repeat) return outcome.result;
    const prior = (await priorResults<R>(this.tx.session(), [claim])).get(claim.key);
    if (prior instanceof Error) throw prior;
    return prior as R;
  }
}
