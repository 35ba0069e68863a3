import { z } from 'zod';

export const amazonCredentials = z
  .object({
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    refreshToken: z.string().min(1),
    webhookSecret: z.string().min(1),
  })
  .strict();

export type AmazonCredentials = z.infer<typeof amazonCredentials>;
