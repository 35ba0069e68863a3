import { commandObject } from '@urikiri/inventory';
import { z } from 'zod';

/** Account ids appear in queue names and URLs: lowercase letters, digits and dashes only. */
export const accountIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1-64 lowercase letters, digits or dashes, starting with a letter or digit');

export const createAccountSchema = commandObject({
  id: accountIdSchema.describe('Your id for the account, e.g. rakuten-main'),
  connector: z.string().min(1).describe('The connector id, e.g. rakuten; GET /channels/connectors lists them'),
  displayName: z.string().min(1).max(255),
  credentials: z.record(z.string(), z.unknown()).describe('The fields the connector asks for; stored encrypted, never returned'),
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(512).optional(),
  returnsLocation: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('The location code returned units are booked to; absent: the first not-for-sale warehouse'),
});
export type CreateAccountInput = z.output<typeof createAccountSchema>;

export const stopSchema = commandObject({
  reason: z.string().min(1).max(255).describe('Why the brake is on, shown to every operator'),
});

export const returnsLocationSchema = commandObject({
  location: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .describe('A warehouse location code (sellable: returns go back on sale; not for sale: kept off the channels), or null for the default, the first not-for-sale warehouse'),
});

export const reconcileSchema = commandObject({
  repair: z.boolean().default(true).describe('Repair drift once the account\'s orders are caught up (false: only report)'),
});

export const createListingSchema = commandObject({
  account: accountIdSchema,
  channelListingId: z.string().min(1).max(255).describe("The channel's id of the item (see docs/channels)"),
  sku: z.string().min(1).max(64).describe('Our SKU or bundle code'),
});

export const LISTING_STATES = ['owed', 'dead-letter', 'inactive', 'stopped'] as const;

export const listingQuerySchema = z.strictObject({
  account: accountIdSchema.optional(),
  sku: z.string().min(1).max(64).optional(),
  state: z.enum(LISTING_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const localeQuerySchema = z.strictObject({
  lang: z.enum(['ja', 'en']).default('ja').describe('Language of the rule engine\'s explanation'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const csvImportQuerySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
