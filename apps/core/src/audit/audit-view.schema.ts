import { z } from 'zod';
import type { AuditView } from './audit-log.service';

const auditViewSchema: z.ZodType<AuditView> = z.object({
  id: z.number().int(),
  at: z.string().describe('ISO-8601 date-time, UTC'),
  kind: z.string(),
  actor: z.object({ keyId: z.number().int().nullable(), name: z.string().nullable().describe('the key name and its visible prefix') }),
  method: z.string(),
  path: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  status: z.number().int(),
});

export const auditPageSchema: z.ZodType<{ items: AuditView[]; nextBefore: number | null }> = z.object({
  items: z.array(auditViewSchema),
  nextBefore: z.number().int().nullable().describe('pass as `before` for the next (older) page; null on the last'),
});
