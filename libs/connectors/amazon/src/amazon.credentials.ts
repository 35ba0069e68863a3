import { z } from 'zod';
import { JAPAN_MARKETPLACE_ID } from './amazon-operations';

/** Login with Amazon's token endpoint, shared by every SP-API region. */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

export const amazonCredentials = z
  .object({
    clientId: z
      .string()
      .regex(
        /^amzn1\.application-oa2-client\.[0-9a-f]+$/,
        'must be an LWA client id such as amzn1.application-oa2-client.0123abcd',
      ),
    clientSecret: z.string().min(1),
    refreshToken: z
      .string()
      .regex(
        /^Atzr\|\S+$/,
        'must be the refresh token of the app authorisation, starting with "Atzr|"',
      ),
    sellerId: z
      .string()
      .regex(
        /^[A-Z0-9]{8,20}$/,
        'must be the merchant token (セラーID) shown in Seller Central, e.g. A3TH9S8BH6GOGM',
      ),
    marketplaceId: z
      .string()
      .regex(
        /^[A-Z0-9]{10,15}$/,
        `must be a marketplace id such as ${JAPAN_MARKETPLACE_ID} (Amazon.co.jp)`,
      )
      .default(JAPAN_MARKETPLACE_ID),
    notificationSecret: z
      .string()
      .min(
        16,
        'must be at least 16 characters, shared with the notification relay',
      ),
    tokenUrl: z.url().default(LWA_TOKEN_URL),
  })
  .strict();

export type AmazonCredentials = z.infer<typeof amazonCredentials>;
