import { z } from 'zod';
import { databaseIdSchema } from '../http/database-id.schema';
import { AUDIT_FAMILIES, AUDIT_KINDS } from './audit-kinds';

const KNOWN = new Set<string>([...AUDIT_KINDS, ...AUDIT_FAMILIES]);

export const auditQuerySchema = z.strictObject({
  from: z.coerce.date({ error: 'must be an ISO-8601 date-time' }).optional().describe('entries at or after this time'),
  to: z.coerce.date({ error: 'must be an ISO-8601 date-time' }).optional().describe('entries before this time'),
  kind: z
    .string()
    .max(2000)
    .refine((value) => value.split(',').every((kind) => KNOWN.has(kind.trim())), {
      error: `must be one or more (comma-separated) of ${[...AUDIT_FAMILIES, ...AUDIT_KINDS].join(', ')}`,
    })
    .transform((value) => [...new Set(value.split(',').flatMap((kind) => AUDIT_KINDS.filter((k) => k === kind.trim() || k.startsWith(`${kind.trim()}.`))))])
    .optional()
    .describe('a kind (stock.adjust) or a family (stock), or several comma-separated'),
  actor: databaseIdSchema.optional().describe('only entries made with this API key id'),
  before: databaseIdSchema.optional().describe('paging: pass nextBefore of the previous page'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AuditQueryInput = z.output<typeof auditQuerySchema>;
