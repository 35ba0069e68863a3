import { z } from 'zod';
import { commandObject } from '../validation/command-object.schema';

/**
 * The ledger's commands as schemas: the library validates with them and the HTTP API publishes them
 * in its OpenAPI document, so the two never disagree. Every object refuses fields it does not know
 * (`commandObject`): a misspelt field must not turn a partial command into a whole one.
 */

const code = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty', abort: true })
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9._:\-/]+$/, 'may contain letters, digits and . _ : - / only');

export const idempotencyKeySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters');

const positiveQuantity = z
  .number({ error: 'must be a whole number of units' })
  .int('must be a whole number of units')
  .positive('must be at least 1')
  .max(1_000_000_000, 'must be at most 1,000,000,000');

const referenceSchema = commandObject({
  type: z.enum(['order', 'purchase_order', 'user', 'transfer', 'import', 'system']),
  id: z.string().min(1).max(128),
});

export const receiveCommandSchema = commandObject({
  idempotencyKey: idempotencyKeySchema,
  sku: code,
  location: code,
  quantity: positiveQuantity,
  purchaseOrder: z.string().min(1).max(64).optional(),
  reference: referenceSchema.optional(),
});
export type ReceiveCommand = z.infer<typeof receiveCommandSchema>;

export const ADJUSTMENT_REASONS = ['stocktake', 'damaged', 'lost', 'found', 'correction', 'other'] as const;

export const adjustCommandSchema = commandObject({
  idempotencyKey: idempotencyKeySchema,
  sku: code,
  location: code,
  delta: z
    .number({ error: 'must be a whole number of units, negative to remove' })
    .int('must be a whole number of units')
    .refine((n) => n !== 0, 'must not be 0')
    .refine((n) => Math.abs(n) <= 1_000_000_000, 'must be between -1,000,000,000 and 1,000,000,000'),
  reason: z.enum(ADJUSTMENT_REASONS),
  note: z.string().max(500).optional(),
  reference: referenceSchema.optional(),
});
export type AdjustCommand = z.infer<typeof adjustCommandSchema>;

export const transferCommandSchema = commandObject({
  idempotencyKey: idempotencyKeySchema,
  sku: code,
  from: code,
  to: code,
  quantity: positiveQuantity,
  reference: referenceSchema.optional(),
}).refine((t) => t.from !== t.to, { path: ['to'], message: 'must differ from `from`' });
export type TransferCommand = z.infer<typeof transferCommandSchema>;

export const reserveCommandSchema = commandObject({
  idempotencyKey: idempotencyKeySchema,
  /** A SKU or a bundle code: a bundle reserves its components. */
  sku: code,
  quantity: positiveQuantity,
  order: commandObject({
    channel: z.string().min(1).max(64).optional(),
    orderId: z.string().min(1).max(128),
    lineId: z.string().min(1).max(128),
  }),
  /** Cart-style hold: released by the expiry job at this time unless committed first. */
  expiresAt: z.coerce.date({ error: 'must be an ISO-8601 date-time' }).optional(),
  /** Restrict to these locations (a channel that ships from specific warehouses). */
  locations: z.array(code).min(1).optional(),
  /**
   * The channel has ALREADY sold these units (the order exists). A shortfall is then recorded as
   * an oversell / backorder instead of failing, because refusing would lose a real order.
   */
  alreadySold: z.boolean().default(false),
});
export type ReserveCommand = z.input<typeof reserveCommandSchema>;
export type ParsedReserveCommand = z.output<typeof reserveCommandSchema>;

export const commitCommandSchema = commandObject({
  idempotencyKey: idempotencyKeySchema,
  reservationId: z.string().min(1).max(36),
  /** Units (sets, for a bundle) shipped now; all that is still open when absent (a partial shipment otherwise). */
  quantity: positiveQuantity.optional(),
});
export type CommitCommand = z.infer<typeof commitCommandSchema>;

/** A cart hold becomes an order: the reservation stays, its expiry goes. */
export const confirmCommandSchema = commandObject({
  idempotencyKey: idempotencyKeySchema,
  reservationId: z.string().min(1).max(36),
});
export type ConfirmCommand = z.infer<typeof confirmCommandSchema>;

export const RELEASE_REASONS = ['cancelled', 'expired', 'returned_before_shipping', 'other'] as const;

export const releaseCommandSchema = commandObject({
  idempotencyKey: idempotencyKeySchema,
  reservationId: z.string().min(1).max(36),
  reason: z.enum(RELEASE_REASONS).default('cancelled'),
  /** Units (sets, for a bundle) given back now; all that is still open when absent (a partial cancel otherwise). */
  quantity: positiveQuantity.optional(),
});
export type ReleaseCommand = z.input<typeof releaseCommandSchema>;

export const returnCommandSchema = commandObject({
  idempotencyKey: idempotencyKeySchema,
  sku: code,
  /** Where the returned units go: a not-for-sale location keeps them off the channels. */
  location: code,
  quantity: positiveQuantity,
  reference: referenceSchema.optional(),
});
export type ReturnCommand = z.infer<typeof returnCommandSchema>;

export { code as codeSchema, positiveQuantity as positiveQuantitySchema, referenceSchema };
