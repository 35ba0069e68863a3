import { commandObject } from '@urikiri/inventory';
import { z } from 'zod';

export const openSessionSchema = commandObject({
  key: z
    .string()
    .trim()
    .min(1, 'must be an API key (uk_…)')
    .max(200)
    .describe('The API key to sign in with; it is not kept in the browser'),
});
export type OpenSessionInput = z.output<typeof openSessionSchema>;
