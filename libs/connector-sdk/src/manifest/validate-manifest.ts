import { describeIssues } from '../errors/describe-issues';
import { connectorManifestSchema, type ConnectorManifest } from './manifest.schema';

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

/**
 * Checks a manifest against the schema and returns it with defaults applied. `source` names where the
 * manifest came from (a package name) so the message points at the file to fix.
 */
export function validateManifest(manifest: unknown, source = 'connector manifest'): ConnectorManifest {
  const result = connectorManifestSchema.safeParse(manifest);
  if (!result.success) {
    throw new ManifestError(`The manifest of ${source} is invalid:\n${describeIssues(result.error.issues)}`);
  }
  return result.data;
}
