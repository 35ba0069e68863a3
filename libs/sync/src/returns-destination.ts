import type { MikroORM } from '@mikro-orm/core';
import { TransactionRunner, type SqlSession } from '@urikiri/inventory';

/** A returns location that cannot take returns: the message names the value and what is accepted. */
export class ReturnsLocationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReturnsLocationError';
  }
}

type LocationRow = {
  code: string;
  kind: string;
  sellable: boolean | number;
};

const isSellable = (row: LocationRow) => row.sellable === true || row.sellable === 1;

/**
 * Where an account's returned units are booked. An account names a warehouse location
 * (`returnsLocation`): a sellable one puts returns back on sale at once, a not-for-sale one
 * (returns, damaged) keeps them off every channel until someone moves them. Without a setting,
 * returns go to the not-for-sale warehouse drawn from first (lowest priority): a returned parcel is
 * inspected before it is sold again.
 */
export class ReturnsDestination {
  private readonly tx: TransactionRunner;

  constructor(orm: MikroORM) {
    this.tx = new TransactionRunner(orm);
  }

  /** The location code the account's returns go to now; null when it has no setting and no not-for-sale warehouse exists. */
  async locationFor(accountId: string, sql: SqlSession = this.tx.session()): Promise<string | null> {
    const account = await sql.first<{ returns_location: string | null }>('SELECT returns_location FROM channel_account WHERE id = ?', [accountId]);
    if (account?.returns_location) return account.returns_location;
    const quarantine = await sql.first<{ code: string }>(
      'SELECT code FROM location WHERE kind = ? AND sellable = ? ORDER BY priority, id LIMIT 1',
      ['warehouse', sql.isPostgres ? false : 0],
    );
    return quarantine?.code ?? null;
  }

  /** Refuses a code that is not a warehouse location, listing the ones that are. */
  async check(code: string): Promise<void> {
    const rows = await this.tx.session().all<LocationRow>('SELECT code, kind, sellable FROM location ORDER BY priority, id');
    const warehouses = rows.filter((row) => row.kind === 'warehouse');
    const found = rows.find((row) => row.code === code);
    if (found && found.kind === 'warehouse') return;
    const what = found ? `'${code}' is a channel-held pool, which the channel stocks itself` : `'${code}' is not a location`;
    const list = (rows: LocationRow[]) => (rows.length > 0 ? rows.map((row) => row.code).join(', ') : 'none yet');
    throw new ReturnsLocationError(
      `${what}; accepted: a warehouse location's code (sellable: ${list(warehouses.filter(isSellable))}; not for sale: ${list(warehouses.filter((row) => !isSellable(row)))}), or null for the default, the first not-for-sale warehouse`,
    );
  }
}
