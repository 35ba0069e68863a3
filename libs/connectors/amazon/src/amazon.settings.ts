import { z } from 'zod';
import {
  AMAZON_OPERATION_NAMES,
  AMAZON_OPERATIONS,
  type AmazonOperation,
  type AmazonUsagePlan,
} from './amazon-operations';

const usagePlan = z
  .object({
    ratePerSecond: z.number().positive(),
    burst: z.number().int().min(1),
  })
  .strict();

/**
 * An Amazon account's behaviour settings: not secrets, but choices the operator makes. Every field
 * has a default, so an account with no settings behaves as documented in docs/channels/amazon.md.
 */
export const amazonSettings = z
  .object({
    /** Product type sent with each fulfillment_availability patch; PRODUCT suits offer-only patches. */
    productType: z.string().min(1).default('PRODUCT'),
    /** A push of at least this many listings goes through one JSON_LISTINGS_FEED instead of patches. */
    feedThreshold: z.number().int().min(2).max(25_000).default(100),
    /** A read of at least this many listings goes through the merchant listings report. */
    reportReadThreshold: z.number().int().min(2).default(200),
    /** First wait before polling a feed or a report, doubled after each poll up to the maximum. */
    pollStartMs: z.number().int().min(1).default(500),
    pollMaxMs: z.number().int().min(1).default(30_000),
    /** How long a push waits for its feed before reporting the items as retryable. */
    feedTimeoutMs: z
      .number()
      .int()
      .min(1)
      .default(30 * 60_000),
    reportTimeoutMs: z
      .number()
      .int()
      .min(1)
      .default(30 * 60_000),
    /** Whether a Pending order (payment not yet authorised) reserves stock in urikiri. */
    reservePending: z.boolean().default(true),
    /** How far back the first order poll looks when there is no cursor yet. */
    ordersLookbackDays: z.number().int().min(1).max(730).default(30),
    /** Orders per searchOrders page (1 to 100). */
    ordersPageSize: z.number().int().min(1).max(100).default(100),
    /** A higher usage plan Amazon granted this account, per operation. */
    rateLimits: z
      .partialRecord(
        z.enum(
          AMAZON_OPERATION_NAMES as [AmazonOperation, ...AmazonOperation[]],
        ),
        usagePlan,
      )
      .default({}),
  })
  .strict();

export type AmazonSettings = z.infer<typeof amazonSettings>;
export type AmazonSettingsInput = z.input<typeof amazonSettings>;

/** The usage plan in force for each operation: the documented one unless the account has another. */
export function usagePlans(
  settings: AmazonSettings,
): Record<AmazonOperation, AmazonUsagePlan> {
  return Object.fromEntries(
    AMAZON_OPERATION_NAMES.map((op) => [
      op,
      settings.rateLimits[op] ?? AMAZON_OPERATIONS[op],
    ]),
  ) as Record<AmazonOperation, AmazonUsagePlan>;
}
