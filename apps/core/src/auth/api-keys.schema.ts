import { commandObject } from '@urikiri/inventory';
import { z } from 'zod';
import { databaseIdSchema } from '../http/database-id.schema';
import { API_KEY_SCOPES } from './api-key-scope';

export const createApiKeySchema = commandObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, 'must list at least one scope'),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

// Ids beyond the column's range are refused by name rather than looked up.
export const apiKeyIdSchema = databaseIdSchema;
