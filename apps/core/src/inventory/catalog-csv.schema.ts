import { CSV_KINDS } from '@urikiri/inventory';
import { z } from 'zod';
import { errorBodySchema } from '../openapi/response-schemas';

export const csvKindSchema = z.enum(CSV_KINDS);

export const csvImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true')
    .describe('true: check every row and report, write nothing'),
});

export const csvImportReportSchema = z.object({
  kind: csvKindSchema,
  dryRun: z.boolean(),
  rows: z.number().int(),
  imported: z.number().int().describe('0 on a dry run, and whenever any row has an error'),
  errors: z.array(z.object({ row: z.number().int().describe('1-based; the header is row 1'), column: z.string(), reason: z.string() })),
});

/** A file with errors: the common error shape (`csv_invalid`) with the report beside it. */
export const csvRejectedSchema = errorBodySchema.extend(csvImportReportSchema.shape);
