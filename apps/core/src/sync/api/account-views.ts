import type { MikroORM } from '@mikro-orm/core';
import { TransactionRunner } from '@urikiri/inventory';
import type { ChannelAccount } from '@urikiri/sync';

export interface AccountView {
  id: string;
  connector: string;
  displayName: string;
  baseUrl: string | null;
  stopped: boolean;
  stoppedReason: string | null;
  /** Null until the account's open orders were imported; no push leaves before. */
  cutoverAt: Date | null;
  ordersCaughtUpAt: Date | null;
  /** Where returned units are booked; null: the default, the first not-for-sale warehouse. */
  returnsLocation: string | null;
  createdAt: Date;
  listings: { total: number; active: number; owed: number; deadLetters: number; stopped: number; inactive: number };
  unmappedOrderLines: number;
}

/** Accounts as the API shows them: never their credentials, always the state an operator acts on. */
export async function accountViews(orm: MikroORM, accounts: ChannelAccount[]): Promise<AccountView[]> {
  if (accounts.length === 0) return [];
  const sql = new TransactionRunner(orm).session();
  const yes = sql.isPostgres ? 'TRUE' : '1';
  const counts = await sql.all<Record<string, unknown>>(
    `SELECT account_id, COUNT(*) AS total,
       SUM(CASE WHEN active = ${yes} THEN 1 ELSE 0 END) AS active,
       SUM(CASE WHEN dirty = ${yes} AND active = ${yes} AND dead_letter <> ${yes} THEN 1 ELSE 0 END) AS owed,
       SUM(CASE WHEN dead_letter = ${yes} THEN 1 ELSE 0 END) AS dead_letters,
       SUM(CASE WHEN stopped = ${yes} THEN 1 ELSE 0 END) AS stopped,
       SUM(CASE WHEN active <> ${yes} THEN 1 ELSE 0 END) AS inactive
     FROM listing GROUP BY account_id`,
  );
  const unmapped = await sql.all<Record<string, unknown>>(`SELECT account_id, COUNT(*) AS n FROM order_line WHERE unmapped = ${yes} GROUP BY account_id`);
  return accounts.map((account) => {
    const c = counts.find((row) => row['account_id'] === account.id) ?? {};
    const n = (key: string) => Number(c[key] ?? 0);
    return {
      id: account.id,
      connector: account.connector,
      displayName: account.displayName,
      baseUrl: account.baseUrl ?? null,
      stopped: account.stopped,
      stoppedReason: account.stoppedReason ?? null,
      cutoverAt: account.cutoverAt ?? null,
      ordersCaughtUpAt: account.ordersCaughtUpAt ?? null,
      returnsLocation: account.returnsLocation ?? null,
      createdAt: account.createdAt,
      listings: { total: n('total'), active: n('active'), owed: n('owed'), deadLetters: n('dead_letters'), stopped: n('stopped'), inactive: n('inactive') },
      unmappedOrderLines: Number(unmapped.find((row) => row['account_id'] === account.id)?.['n'] ?? 0),
    };
  });
}
