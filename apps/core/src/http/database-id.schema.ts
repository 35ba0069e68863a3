import { z } from 'zod';

/** The largest id an `integer` column holds on PostgreSQL (SQLite's are wider). */
const MAX_DATABASE_ID = 2_147_483_647;

/**
 * A numeric id in a path (`/channels/listings/17`, `/api-keys/3`): digits only, from 1 to the largest
 * integer id, so "1e3", "0x10" and ids beyond the column's range are refused by name, not looked up.
 */
export const databaseIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, `must be a whole number from 1 to ${MAX_DATABASE_ID}`)
  .transform(Number)
  .pipe(z.number().max(MAX_DATABASE_ID, `must be a whole number from 1 to ${MAX_DATABASE_ID}`));
