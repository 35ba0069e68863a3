import { z } from 'zod';
import { CAMPAIGN_KINDS } from './import-formats';
import { parseTokyoDateTime } from './tokyo-time';

/**
 * The plan as operators write it (YAML or JSON): the promotion to simulate, how each channel behaves,
 * the policies to compare and the costs. Dates without an offset are Asia/Tokyo. Every leaf says what
 * it accepts, so an operator reads a fix, not a type name.
 */

const DATE_TIME_ACCEPTED =
  'must be a date like 2026-12-04 or a date-time like 2026-12-04T20:00 (Asia/Tokyo unless an offset is given)';

const instant = z
  .string({ error: DATE_TIME_ACCEPTED })
  .transform((text, context) => {
    const value = parseTokyoDateTime(text);
    if (value === null) {
      context.addIssue({ code: 'custom', message: DATE_TIME_ACCEPTED });
      return z.NEVER;
    }
    return value;
  });

const positive = (what: string) =>
  z
    .number({ error: `must be a number greater than 0 (${what})` })
    .gt(0, { error: `must be a number greater than 0 (${what})` });
const nonNegative = (what: string) =>
  z
    .number({ error: `must be a number, 0 or more (${what})` })
    .min(0, { error: `must be a number, 0 or more (${what})` });
const wholeBetween = (min: number, max: number, what: string) =>
  z
    .number({ error: `must be a whole number from ${min} to ${max} (${what})` })
    .int({ error: `must be a whole number from ${min} to ${max} (${what})` })
    .min(min, { error: `must be a whole number from ${min} to ${max} (${what})` })
    .max(max, { error: `must be a whole number from ${min} to ${max} (${what})` });
const fraction = (what: string) =>
  z
    .number({ error: `must be a number from 0 to 1 (${what})` })
    .min(0, { error: `must be a number from 0 to 1 (${what})` })
    .max(1, { error: `must be a number from 0 to 1 (${what})` });

const channelId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, {
  error: 'must be a lower-case channel id such as rakuten',
});

const windowSchema = z
  .strictObject({ from: instant, to: instant })
  .refine((window) => window.to > window.from, {
    error: 'must be later than from',
    path: ['to'],
  });

export const syncSpecSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({ mode: z.literal('event-driven') }),
    z.strictObject({
      mode: z.literal('interval'),
      minutes: positive('minutes between two pushes'),
    }),
  ],
  {
    error:
      'must be { mode: event-driven } or { mode: interval, minutes: 5 }',
  },
);

const channelBehaviourSchema = z.strictObject({
  reservesAt: z
    .enum(['order', 'cart'], { error: 'must be order or cart' })
    .default('order'),
  cartHoldMinutes: positive('how long a cart holds units').default(30),
  checkoutRate: fraction('share of carts that become orders').default(1),
  checkoutMinutes: positive('mean time from cart to order').default(5),
  importDelayMinutes: nonNegative('time until an order reaches urikiri').default(1),
  syncLatencySeconds: nonNegative('measured push latency, event-driven').default(2),
});

const promotionSchema = z.strictObject({
  id: z.string({ error: 'must be a name' }).min(1, { error: 'must be a name' }),
  channels: z
    .array(channelId, { error: 'must be a list of channels' })
    .min(1, { error: 'must list at least one channel' }),
  kind: z.enum(CAMPAIGN_KINDS, {
    error: `must be one of ${CAMPAIGN_KINDS.join(', ')}`,
  }),
  from: instant,
  to: instant,
  uplift: positive('sales during the promotion ÷ baseline').optional(),
  spike: z
    .strictObject({
      factor: z
        .number({ error: 'must be a number, 1 or more' })
        .min(1, { error: 'must be a number, 1 or more' }),
      decayMinutes: positive('how fast the opening rush fades'),
    })
    .optional(),
});

const stockSchema = z.strictObject({
  sku: z.string({ error: 'must be a SKU code' }).min(1, { error: 'must be a SKU code' }),
  onHand: wholeBetween(0, 1_000_000_000, 'units'),
  leadTimeDays: wholeBetween(0, 3650, 'supplier lead time in days'),
  category: z.string({ error: 'must be text' }).optional(),
  tags: z.array(z.string(), { error: 'must be a list of tags' }).optional(),
});

const policySchema = z.strictObject({
  name: z.string({ error: 'must be a name' }).min(1, { error: 'must be a name' }),
  /** A rule set of libs/allocation, checked by its own validator. */
  rules: z.unknown(),
  sync: syncSpecSchema,
  syncByChannel: z.record(channelId, syncSpecSchema).optional(),
});

export const planSchema = z.strictObject({
  seed: wholeBetween(0, 4_294_967_295, 'random seed').default(1),
  runs: wholeBetween(1, 100_000, 'Monte Carlo runs').default(200),
  asOf: instant.optional(),
  window: windowSchema,
  files: z
    .strictObject({
      campaigns: z.string().optional(),
      stock: z.string().optional(),
      inbound: z.string().optional(),
    })
    .optional(),
  stock: z.array(stockSchema).optional(),
  promotions: z.array(promotionSchema).default([]),
  channels: z.record(channelId, channelBehaviourSchema, {
    error: 'must map each channel id to its behaviour',
  }),
  policies: z
    .array(policySchema, { error: 'must be a list of policies' })
    .min(1, { error: 'must list at least one policy to simulate' }),
  costs: z
    .strictObject({
      oversellUnit: nonNegative('yen per oversold unit').default(3000),
      lostUnit: nonNegative('yen per lost sale').default(1000),
      leftoverUnit: nonNegative('yen per unit left over').default(100),
    })
    .prefault({}),
  serviceLevel: fraction('target probability of not running out').optional(),
  forecast: z
    .strictObject({
      seasonPeriod: wholeBetween(1, 366, 'season length in periods').optional(),
    })
    .prefault({}),
  demand: z
    .strictObject({
      intradayProfile: z
        .array(nonNegative('relative demand in that hour'))
        .length(24, { error: 'must give 24 hourly weights, 0:00 to 23:00' })
        .optional(),
      unitsPerOrder: z
        .number({ error: 'must be a number, 1 or more' })
        .min(1, { error: 'must be a number, 1 or more' })
        .default(1),
    })
    .prefault({}),
  search: z
    .strictObject({
      candidates: wholeBetween(1, 500, 'rule sets tried').default(12),
      runsPerCandidate: wholeBetween(1, 10_000, 'runs per rule set').default(20),
      syncFrom: z.string().optional(),
    })
    .prefault({}),
});

export type PlanDocument = z.output<typeof planSchema>;
export type SyncSpec = z.output<typeof syncSpecSchema>;
export type ChannelBehaviour = z.output<typeof channelBehaviourSchema>;
export type Promotion = z.output<typeof promotionSchema>;
export type PlanStock = z.output<typeof stockSchema>;
