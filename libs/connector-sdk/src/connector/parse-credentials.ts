import type { z } from 'zod';
import { describeIssues } from '../errors/describe-issues';
import type { ConnectorManifest } from '../manifest/manifest.schema';

export class CredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}

/**
 * Validates a channel account's credentials with the connector's schema. The message names each
 * wrong field and lists the fields the connector expects, but never repeats a value: they are secrets.
 */
export function parseCredentials<T>(
  definition: { manifest: ConnectorManifest; credentials: z.ZodType<T> },
  value: unknown,
): T {
  const result = definition.credentials.safeParse(value);
  if (result.success) {
    return result.data;
  }
  const expected = definition.manifest.credentials
    .map((field) => `${field.name} (${field.label}${field.secret ? ', secret' : ''}${field.required ? '' : ', optional'})`)
    .join(', ');
  throw new CredentialsError(
    `Credentials for connector "${definition.manifest.id}" are invalid:\n${describeIssues(result.error.issues)}\n` +
      `Expected fields: ${expected}.`,
  );
}
