import { z } from 'zod';

/** Query strings the API accepts beyond the ledger's own query schemas. */

export const backorderQuerySchema = z.object({
  status: z.enum(['open', 'filled', 'cancelled']).optional(),
  sku: z.string().max(64).optional(),
});

export const purchaseOrderQuerySchema = z.object({
  status: z.enum(['open', 'received', 'cancelled']).optional(),
  sku: z.string().max(64).optional(),
});
