import { z } from 'zod';
import { isKnownTimeZone, parseZonedDateTime } from './local-time';

/**
 * The shape of a rule set as operators write it (JSON or YAML). Only structure lives here; rules
 * that relate several fields (exactly one of, min ≤ max, precedence ties) are checked afterwards in
 * rule-set-consistency.ts, because they need the whole, well-formed rule set to be explained well.
 * Every leaf carries its own message so an operator reads "what is accepted", not a type name.
 */

export const MODES = ['shared', 'partitioned', 'hybrid'] as const;
export const APPORTIONMENT_METHODS = ['sainte-lague', 'dhondt'] as const;

const TARGET_PATTERN = /^[a-z0-9][a-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_.-]*)?$/;
const RULE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const required = (accepted: string) => ({
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? `is required; ${accepted}` : accepted,
});

function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-7;
}

const percentOf = (max: number) => {
  const accepted = `must be a number between 0 and ${max} (percent)`;
  return z
    .number(required(accepted))
    .min(0, { error: accepted })
    .max(max, { error: accepted })
    .refine(hasAtMostTwoDecimals, {
      error: `${accepted} with at most two decimals`,
    });
};

const wholeUnits = (what: string) => {
  const accepted = `must be a whole number of units, 0 or more (${what})`;
  return z
    .number(required(accepted))
    .int({ error: accepted })
    .min(0, { error: accepted })
    .max(1_000_000_000, {
      error: `${accepted}, at most 1,000,000,000`,
    });
};

const targetKey = z.string().regex(TARGET_PATTERN, {
  error:
    'must be a channel id like "rakuten" or a channel account like "rakuten/shop-a" (lower-case channel)',
});

const modeSchema = z.enum(
  MODES,
  required('must be one of shared, partitioned, hybrid'),
);

const timeZoneSchema = z
  .string(required('must be an IANA time zone such as Asia/Tokyo'))
  .refine(isKnownTimeZone, {
    error: 'must be an IANA time zone such as Asia/Tokyo',
  });

const DATE_TIME_ACCEPTED =
  'must be a date-time like 2026-12-04T20:00 (read in the rule set time zone) or with an offset like 2026-12-04T20:00+09:00';
const dateTimeSchema = z
  .string(required(DATE_TIME_ACCEPTED))
  .refine((text) => parseZonedDateTime(text, 'UTC') !== null, {
    error: DATE_TIME_ACCEPTED,
  });

const nameList = (what: string) =>
  z
    .array(
      z
        .string(required(`must be a ${what}`))
        .min(1, { error: `must be a non-empty ${what}` }),
      required(`must be a list of ${what}s`),
    )
    .min(1, { error: `must list at least one ${what}` });

const amountSchema = z
  .strictObject(
    {
      units: wholeUnits('held back'),
      percent: percentOf(100),
    },
    required('must be { units: N } or { percent: P }'),
  )
  .partial();

const scopeSchema = z
  .strictObject(
    {
      skus: nameList('SKU or bundle code'),
      tags: nameList('tag'),
      categories: nameList('category'),
    },
    required(
      'must be an object with one of skus, tags, categories (leave scope out for every SKU)',
    ),
  )
  .partial();

const windowSchema = z
  .strictObject(
    {
      from: dateTimeSchema,
      to: dateTimeSchema,
      timezone: timeZoneSchema,
    },
    required('must be an object with from and/or to'),
  )
  .partial();

const safetyStockSchema = z
  .strictObject(
    {
      all: amountSchema,
      channels: z.record(
        targetKey,
        amountSchema,
        required('must map channels to { units } or { percent }'),
      ),
    },
    required('must be an object with all and/or channels'),
  )
  .partial();

const lowStockSchema = z
  .strictObject(
    {
      belowUnits: z
        .number(required('must be a whole number of units, 1 or more'))
        .int({ error: 'must be a whole number of units, 1 or more' })
        .min(1, { error: 'must be a whole number of units, 1 or more' })
        .max(1_000_000_000, { error: 'must be at most 1,000,000,000 units' }),
      belowDaysOfCover: z
        .number(required('must be a number of days greater than 0'))
        .gt(0, { error: 'must be a number of days greater than 0' })
        .max(3650, { error: 'must be at most 3650 days' }),
    },
    required('must be { belowUnits: N } or { belowDaysOfCover: D }'),
  )
  .partial();

const prioritySchema = z.strictObject(
  {
    order: z
      .array(
        targetKey,
        required('must be a list of channels, highest priority first'),
      )
      .min(1, {
        error: 'must list at least one channel, highest priority first',
      }),
    lowStock: lowStockSchema,
  },
  required('must be an object with order and lowStock'),
);

const limitSchema = z
  .strictObject(
    {
      min: wholeUnits('below this the listing shows 0'),
      max: wholeUnits('the listing never shows more'),
    },
    required('must be { min: N } and/or { max: N }'),
  )
  .partial();

const ruleSchema = z.strictObject(
  {
    id: z
      .string(
        required(
          'must be an id of letters, digits, "-", "_" or "." (at most 64)',
        ),
      )
      .regex(RULE_ID_PATTERN, {
        error: 'must be an id of letters, digits, "-", "_" or "." (at most 64)',
      }),
    description: z.string({ error: 'must be text' }).optional(),
    precedence: z
      .number({ error: 'must be a whole number (higher wins)' })
      .int({ error: 'must be a whole number (higher wins)' })
      .min(-1_000_000, { error: 'must be between -1,000,000 and 1,000,000' })
      .max(1_000_000, { error: 'must be between -1,000,000 and 1,000,000' })
      .optional(),
    scope: scopeSchema.optional(),
    window: windowSchema.optional(),
    mode: modeSchema.optional(),
    safetyStock: safetyStockSchema.optional(),
    shares: z
      .record(targetKey, percentOf(1000), {
        error: 'must map channels to a percent',
      })
      .optional(),
    priority: prioritySchema.optional(),
    ringFences: z
      .record(targetKey, wholeUnits('dedicated to the channel'), {
        error: 'must map channels to units',
      })
      .optional(),
    limits: z
      .record(targetKey, limitSchema, {
        error: 'must map channels to { min, max }',
      })
      .optional(),
  },
  { error: 'must be an object describing one rule' },
);

export const ruleSetSchema = z.strictObject(
  {
    $schema: z.string({ error: 'must be text' }).optional(),
    version: z
      .number(
        required(
          'must be a whole number of at least 1 (the revision of this rule set)',
        ),
      )
      .int({
        error:
          'must be a whole number of at least 1 (the revision of this rule set)',
      })
      .min(1, {
        error:
          'must be a whole number of at least 1 (the revision of this rule set)',
      }),
    description: z.string({ error: 'must be text' }).optional(),
    mode: modeSchema,
    apportionment: z
      .enum(APPORTIONMENT_METHODS, {
        error: 'must be one of sainte-lague, dhondt',
      })
      .optional(),
    timezone: timeZoneSchema.optional(),
    ringFencesOutrankPriority: z
      .boolean({ error: 'must be true or false' })
      .optional(),
    rules: z
      .array(ruleSchema, required('must be a list of rules'))
      .min(1, { error: 'must contain at least one rule' }),
  },
  { error: 'must be an object with version, mode and rules' },
);

export type Mode = (typeof MODES)[number];
export type ApportionmentMethod = (typeof APPORTIONMENT_METHODS)[number];
export type RuleSet = z.infer<typeof ruleSetSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Amount = z.infer<typeof amountSchema>;
export type RuleScope = z.infer<typeof scopeSchema>;
export type RuleWindow = z.infer<typeof windowSchema>;
export type LowStockThreshold = z.infer<typeof lowStockSchema>;
