/**
 * Ids are handed out at insert but become visible at commit, so on PostgreSQL a row can appear
 * behind one with a higher id (two pushes committing out of order). Each read looks this many ids
 * back and skips the rows it has already sent, so a late commit is still delivered.
 */
export const LOOKBACK = 200;

/** Where one table's reading stands: the highest id sent, and the ids sent within the look-back. */
export interface TableCursor {
  last: number;
  sent: Set<number>;
}

/** The rows not sent yet, now marked as sent; ids too old to turn up again are forgotten. */
export function unsent(rows: Array<Record<string, unknown>>, cursor: TableCursor): Array<Record<string, unknown>> {
  const fresh = rows.filter((r) => !cursor.sent.has(Number(r['id'])));
  for (const r of fresh) {
    cursor.sent.add(Number(r['id']));
    cursor.last = Math.max(cursor.last, Number(r['id']));
  }
  for (const id of cursor.sent) if (id <= cursor.last - LOOKBACK) cursor.sent.delete(id);
  return fresh;
}
