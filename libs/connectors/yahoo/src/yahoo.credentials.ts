import { z } from 'zod';

export const yahooCredentials = z
  .object({
    sellerId: z.string().min(1),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    refreshToken: z.string().min(1),
  })
  .strict();

export type YahooCredentials = z.infer<typeof yahooCredentials>;
