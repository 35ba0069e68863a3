import { z } from 'zod';
import { codeSchema, positiveQuantitySchema } from '../ledger/ledger-commands.schema';
import { commandObject } from '../validation/command-object.schema';

const jan = z
  .string()
  .regex(/^\d{8}$|^\d{12,14}$/, 'must be a JAN/EAN/UPC barcode of 8, 12, 13 or 14 digits');

const tags = z.array(z.string().trim().min(1).max(64)).max(50).default([]);

export const createProductSchema = commandObject({
  code: codeSchema,
  name: z.string().trim().min(1, 'must not be empty').max(255),
  jan: jan.optional(),
  tags,
});
export type CreateProductInput = z.input<typeof createProductSchema>;

export const createBundleSchema = commandObject({
  code: codeSchema,
  name: z.string().trim().min(1, 'must not be empty').max(255),
  jan: jan.optional(),
  tags,
  components: z
    .array(commandObject({ sku: codeSchema, quantity: positiveQuantitySchema }))
    .min(1, 'a bundle needs at least one component'),
}).superRefine((bundle, ctx) => {
  const seen = new Set<string>();
  bundle.components.forEach((c, i) => {
    if (seen.has(c.sku)) ctx.addIssue({ code: 'custom', path: ['components', i, 'sku'], message: `'${c.sku}' is listed twice; give it one line with the total quantity` });
    if (c.sku === bundle.code) ctx.addIssue({ code: 'custom', path: ['components', i, 'sku'], message: 'a bundle cannot contain itself' });
    seen.add(c.sku);
  });
});
export type CreateBundleInput = z.input<typeof createBundleSchema>;

export const createLocationSchema = commandObject({
  code: codeSchema,
  name: z.string().trim().min(1, 'must not be empty').max(255),
  kind: z.enum(['warehouse', 'channel_held']).default('warehouse'),
  sellable: z.boolean().default(true),
  priority: z.number().int('must be a whole number').min(0).max(1_000_000).default(100),
});
export type CreateLocationInput = z.input<typeof createLocationSchema>;

export const createPurchaseOrderSchema = commandObject({
  reference: z.string().trim().min(1).max(64),
  sku: codeSchema,
  location: codeSchema,
  quantity: positiveQuantitySchema,
  expectedAt: z.coerce.date({ error: 'must be an ISO-8601 date-time' }),
});
export type CreatePurchaseOrderInput = z.input<typeof createPurchaseOrderSchema>;

export const listProductsSchema = z.object({
  search: z.string().max(100).optional(),
  tag: z.string().max(64).optional(),
  kind: z.enum(['sku', 'bundle']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListProductsQuery = z.input<typeof listProductsSchema>;
