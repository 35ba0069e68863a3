import type { ConnectorClass } from '../connector/channel-connector';
import { ManifestError, validateManifest } from '../manifest/validate-manifest';

/**
 * The contract of a connector package's entry point: `export const connectors = [MyConnector]`.
 * A package may ship several connectors (one per marketplace of the same vendor).
 */
export interface ConnectorPackageExports {
  connectors: readonly ConnectorClass[];
}

export interface LoadedConnector {
  packageName: string;
  connector: ConnectorClass;
}

function describe(value: unknown): string {
  if (typeof value === 'function') {
    return value.name === '' ? 'an anonymous class' : `class ${value.name}`;
  }
  return value === null ? 'null' : typeof value;
}

/**
 * Checks the shape of what a package exported. Checked by shape, not `instanceof`: a published
 * connector may bring its own copy of the SDK, and two copies of a class are never `instanceof` each other.
 */
export function readConnectorPackage(packageName: string, exported: unknown, problems: string[]): LoadedConnector[] {
  const list = (exported as Partial<ConnectorPackageExports> | null)?.connectors;
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(
      `Package "${packageName}" exports no "connectors" array. Fix: in its entry point, export const connectors = [YourConnector];`,
    );
    return [];
  }
  const loaded: LoadedConnector[] = [];
  list.forEach((candidate: unknown, index) => {
    const where = `Package "${packageName}" connectors[${index}] (${describe(candidate)})`;
    if (typeof candidate !== 'function') {
      problems.push(`${where} is not a connector class. Fix: list the class itself, not an instance.`);
      return;
    }
    const statics = candidate as unknown as Partial<Record<'id' | 'manifest' | 'credentials', unknown>>;
    const credentials = statics.credentials as { safeParse?: unknown } | undefined;
    if (typeof statics.id !== 'string') {
      problems.push(`${where} has no static "id". Fix: add static readonly id = '<connector id>' to the class.`);
      return;
    }
    if (typeof credentials?.safeParse !== 'function') {
      problems.push(`${where} has no static "credentials" zod schema. Fix: add static readonly credentials = z.object({...}).`);
      return;
    }
    try {
      const manifest = validateManifest(statics.manifest, `${where}`);
      if (manifest.id !== statics.id) {
        problems.push(
          `${where} has static id "${statics.id}" but its manifest says "${manifest.id}". Fix: use one identifier in both.`,
        );
        return;
      }
    } catch (error) {
      if (error instanceof ManifestError) {
        problems.push(`${error.message}\n    Fix: correct the fields above in the connector's manifest.`);
        return;
      }
      throw error;
    }
    loaded.push({ packageName, connector: candidate as ConnectorClass });
  });
  return loaded;
}
