import { z } from 'zod';

export const testshopCredentials = z
  .object({
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    refreshToken: z.string().min(1),
    webhookSecret: z.string().min(1),
  })
  .strict();

export type TestshopCredentials = z.infer<typeof testshopCredentials>;
