import { z } from 'zod';

export const yahooCredentials = z
  .object({
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    refreshToken: z.string().min(1),
    webhookSecret: z.string().min(1),
  })
  .strict();

export type YahooCredentials = z.infer<typeof yahooCredentials>;
