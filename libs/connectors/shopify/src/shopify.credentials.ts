import { z } from 'zod';

export const shopifyCredentials = z
  .object({
    accessToken: z
      .string()
      .regex(/^shp(at|ca|pa)_[A-Za-z0-9]+$/, 'must be an Admin API access token starting with shpat_, shpca_ or shppa_'),
    webhookSecret: z.string().min(1, "must be the app's API secret key, which signs its webhooks"),
  })
  .strict();

export type ShopifyCredentials = z.infer<typeof shopifyCredentials>;
