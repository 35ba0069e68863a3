import { z } from 'zod';
import { isValidRange } from '../registry/semver-range';

/** The calls a connector makes; rate limits and bulk sizes are declared per operation. */
export const CONNECTOR_OPERATIONS = ['push', 'read', 'catalogue', 'orders'] as const;
export type ConnectorOperation = (typeof CONNECTOR_OPERATIONS)[number];

/**
 * How a channel lets us change a quantity, in order of safety against the write race
 * (a sale on the channel that we have not ingested yet):
 * - `compare-and-set`: write only if the channel still shows what we last published (Shopify).
 * - `relative`: send a delta, which keeps the channel's own sales (Rakuten RELATIVE, Yahoo! `+N`).
 * - `absolute`: overwrite; the connector must first read and subtract un-ingested sales (Amazon).
 */
export const PUSH_SEMANTICS = ['absolute', 'relative', 'compare-and-set'] as const;
export type PushSemantics = (typeof PUSH_SEMANTICS)[number];

export const AUTH_MODES = ['oauth2', 'api-key'] as const;

const tokenBucketLimit = z
  .object({
    kind: z.literal('token-bucket'),
    ratePerSecond: z.number().positive().describe('Sustained calls per second the channel allows'),
    burst: z.number().int().min(1).describe('Calls allowed at once after a quiet period'),
  })
  .strict();

const leakyBucketLimit = z
  .object({
    kind: z.literal('leaky-bucket'),
    capacity: z.number().positive().describe('Points the bucket holds (Shopify maximumAvailable)'),
    leakPerSecond: z.number().positive().describe('Points restored per second (Shopify restoreRate)'),
    costPerCall: z.number().positive().describe('Points one call of this operation is expected to cost'),
  })
  .strict();

export const rateLimitSchema = z.discriminatedUnion('kind', [tokenBucketLimit, leakyBucketLimit]);
export type RateLimit = z.infer<typeof rateLimitSchema>;

const credentialFieldSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9]*$/, 'must be camelCase letters and digits, e.g. refreshToken')
      .describe('Key of the field in the credentials object'),
    label: z.string().min(1).describe('Label shown to the operator who connects the account'),
    secret: z.boolean().describe('True for values that must be stored encrypted and never logged or shown'),
    required: z.boolean().default(true),
    description: z.string().optional(),
  })
  .strict();

const positiveInt = z.number().int().min(1);

export const connectorManifestSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/, 'must be 2-40 lowercase letters, digits or dashes, e.g. rakuten')
      .describe('Identifier that channel accounts refer to; unique across installed connectors'),
    displayName: z.string().min(1).describe('Name shown to operators, e.g. 楽天市場'),
    sdkRange: z
      .string()
      .refine(isValidRange, 'must be a semver range such as ^1.0.0 or >=1.2.0 <2.0.0')
      .describe('SDK versions this connector was built and tested for'),
    baseUrl: z.url().optional().describe('Production API root; a channel account may override it'),
    auth: z
      .object({
        mode: z.enum(AUTH_MODES).describe('oauth2: short-lived access token refreshed from a refresh token; api-key: a static key'),
      })
      .strict(),
    credentials: z
      .array(credentialFieldSchema)
      .min(1)
      .refine((fields) => new Set(fields.map((f) => f.name)).size === fields.length, 'field names must be unique'),
    rateLimits: z
      .object({
        push: rateLimitSchema,
        read: rateLimitSchema,
        catalogue: rateLimitSchema,
        orders: rateLimitSchema,
      })
      .strict(),
    bulk: z
      .object({
        push: positiveInt.describe('Most listings one push call may carry'),
        read: positiveInt.describe('Most listings one read call may carry'),
        catalogue: positiveInt.describe('Listings per catalogue page'),
        orders: positiveInt.describe('Order events per page'),
      })
      .strict(),
    maxQuantity: positiveInt.describe('Largest quantity the channel accepts, e.g. 99999 on Rakuten'),
    pushSemantics: z
      .array(z.enum(PUSH_SEMANTICS))
      .min(1)
      .refine((values) => new Set(values).size === values.length, 'must not repeat a value'),
    stockLoweredOn: z
      .enum(['order-created', 'order-paid'])
      .describe('When the channel lowers its own displayed stock for a sale'),
    orderDelivery: z
      .object({
        webhook: z.boolean(),
        polling: z.boolean(),
      })
      .strict()
      .refine((d) => d.webhook || d.polling, 'at least one of webhook or polling must be true'),
  })
  .strict();

export type ConnectorManifest = z.infer<typeof connectorManifestSchema>;
/** What a connector author writes: fields with defaults may be left out. */
export type ConnectorManifestInput = z.input<typeof connectorManifestSchema>;

/** The manifest schema as JSON Schema, for editors and for connectors written outside TypeScript. */
export const connectorManifestJsonSchema = z.toJSONSchema(connectorManifestSchema, { io: 'input' });
