import type { SqlSession } from '../persistence/sql-session';
import { IdempotencyConflictError, InvalidStateError } from './ledger-errors';

export interface CommandClaim {
  key: string;
  operation: string;
  hash: string;
}

/**
 * Inserts the command rows first in the transaction. A key already present (or being written by a
 * concurrent transaction, which PostgreSQL makes us wait for) is not claimed: that command is a repeat.
 * Keys are inserted sorted so two batches never wait on each other in opposite orders.
 */
export async function claimCommands(sql: SqlSession, claims: CommandClaim[], now: Date): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const sorted = [...claims].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const placeholders = sorted.map(() => '(?, ?, ?, ?)').join(', ');
  const params = sorted.flatMap((c) => [c.key, c.operation, c.hash, sql.date(now)]);
  const rows = await sql.all<{ key: string }>(
    `INSERT INTO ledger_command (key, operation, request_hash, created_at) VALUES ${placeholders}
     ON CONFLICT (key) DO NOTHING RETURNING key`,
    params,
  );
  return new Set(rows.map((r) => r.key));
}

/** Stores each claimed command's result, in the same transaction as its effects. */
export async function storeResults(sql: SqlSession, results: Array<{ key: string; result: unknown }>): Promise<void> {
  for (let i = 0; i < results.length; i += 200) {
    const chunk = results.slice(i, i + 200);
    const values = chunk.map(() => 'SELECT ? AS k, ? AS r').join(' UNION ALL ');
    await sql.run(
      `UPDATE ledger_command SET result = v.r FROM (${values}) AS v WHERE ledger_command.key = v.k`,
      chunk.flatMap((c) => [c.key, JSON.stringify(c.result)]),
    );
  }
}

/** A failed command leaves no trace, so a retry with the same key is evaluated afresh. */
export async function forgetCommands(sql: SqlSession, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql.run(`DELETE FROM ledger_command WHERE key IN (${keys.map(() => '?').join(', ')})`, keys);
}

/** The first result of a repeated command, or a 409 when the key came with a different body. */
export async function priorResults<T>(sql: SqlSession, claims: CommandClaim[]): Promise<Map<string, T | Error>> {
  const out = new Map<string, T | Error>();
  if (claims.length === 0) return out;
  const rows = await sql.all<{ key: string; operation: string; request_hash: string; result: string | null }>(
    `SELECT key, operation, request_hash, result FROM ledger_command WHERE key IN (${claims.map(() => '?').join(', ')})`,
    claims.map((c) => c.key),
  );
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const claim of claims) {
    const row = byKey.get(claim.key);
    if (!row) {
      out.set(claim.key, new InvalidStateError(`the first request with idempotency key '${claim.key}' failed; send it again`));
    } else if (row.operation !== claim.operation || row.request_hash !== claim.hash) {
      out.set(claim.key, new IdempotencyConflictError(claim.key));
    } else if (row.result === null) {
      out.set(claim.key, new InvalidStateError(`a request with idempotency key '${claim.key}' is still being processed`));
    } else {
      out.set(claim.key, JSON.parse(row.result) as T);
    }
  }
  return out;
}
