import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { ChannelConnector, ConnectorClass, ConnectorContext } from '../connector/channel-connector';
import { SDK_VERSION } from '../sdk-version';
import { ConnectorRegistryError } from './connector-registry-error';
import { readConnectorPackage, type LoadedConnector } from './read-connector-package';
import { satisfies } from './semver-range';

/** A channel account as configured: its own id and the connector id it runs on. */
export interface ChannelBinding {
  id: string;
  connector: string;
}

export interface ConnectorRegistryOptions {
  /** npm package names that provide connectors, e.g. ["@urikiri/connector-rakuten", "acme-qoo10"]. */
  packages: readonly string[];
  channels: readonly ChannelBinding[];
  /** The SDK version the service runs; defaults to this SDK's. */
  sdkVersion?: string;
  /** Directory packages are resolved from, as if required by a file in it; defaults to the working directory. */
  resolveFrom?: string;
  /**
   * Packages compiled into the service itself, by name: used instead of resolving the name on disk.
   * A bundled build has no node_modules entry for its own connectors, and a listed name that is not
   * bundled is still loaded from disk like any third-party package.
   */
  bundled?: Readonly<Record<string, unknown>>;
}

/** The connectors the service runs with, checked once at start-up. */
export class ConnectorRegistry {
  private readonly byId: ReadonlyMap<string, LoadedConnector>;
  private readonly channels: ReadonlyMap<string, string>;

  constructor(connectors: ReadonlyMap<string, LoadedConnector>, channels: ReadonlyMap<string, string>) {
    this.byId = connectors;
    this.channels = channels;
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  get(connectorId: string): ConnectorClass {
    return this.entry(connectorId).connector;
  }

  /** The package a connector came from, for logs and the status page. */
  packageOf(connectorId: string): string {
    return this.entry(connectorId).packageName;
  }

  connectorForChannel(channelId: string): ConnectorClass {
    const connectorId = this.channels.get(channelId);
    if (connectorId === undefined) {
      throw new Error(`Channel "${channelId}" is not configured; configured: ${[...this.channels.keys()].join(', ') || 'none'}.`);
    }
    return this.get(connectorId);
  }

  /** A connector instance for one channel account; its credentials are validated here. */
  create(channelId: string, context: ConnectorContext): ChannelConnector {
    const Connector = this.connectorForChannel(channelId);
    return new Connector(context);
  }

  private entry(connectorId: string): LoadedConnector {
    const found = this.byId.get(connectorId);
    if (!found) {
      throw new Error(`No connector "${connectorId}" is loaded; loaded: ${this.ids().join(', ') || 'none'}.`);
    }
    return found;
  }
}

function loadPackage(req: NodeJS.Require, packageName: string, problems: string[]): unknown {
  try {
    return req(packageName);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push(
      code === 'MODULE_NOT_FOUND' && reason.includes(`'${packageName}'`)
        ? `Connector package "${packageName}" is not installed. Fix: npm install ${packageName}, or remove it from the connector packages setting.`
        : `Connector package "${packageName}" failed while loading: ${reason}. Fix: repair or reinstall that package.`,
    );
    return undefined;
  }
}

/**
 * Loads connector packages by name and checks the whole configuration before the service starts:
 * manifests against the schema, one package per connector id, every configured channel served by
 * a loaded connector, every connector built for this SDK version. Throws one ConnectorRegistryError
 * that lists every problem with its fix.
 */
export function loadConnectorRegistry(options: ConnectorRegistryOptions): ConnectorRegistry {
  const sdkVersion = options.sdkVersion ?? SDK_VERSION;
  // createRequire (not the SDK's own require) so packages resolve from the service's install,
  // the way `node` would from that folder, and so a bundler does not try to inline them.
  const req = createRequire(join(resolve(options.resolveFrom ?? process.cwd()), 'noop.js'));
  const problems: string[] = [];
  const byId = new Map<string, LoadedConnector>();
  // Connectors refused for their SDK range: their channels are already explained by that problem.
  const refused = new Set<string>();

  for (const packageName of new Set(options.packages)) {
    const exported = options.bundled?.[packageName] ?? loadPackage(req, packageName, problems);
    if (exported === undefined) {
      continue;
    }
    for (const loaded of readConnectorPackage(packageName, exported, problems)) {
      const { id, manifest } = loaded.connector;
      const previous = byId.get(id);
      if (previous) {
        problems.push(
          `Connector id "${id}" is claimed by both "${previous.packageName}" and "${packageName}". ` +
            `Fix: keep only one of these packages in the connector packages setting.`,
        );
        continue;
      }
      if (!satisfies(sdkVersion, manifest.sdkRange)) {
        problems.push(
          `Connector "${id}" from "${packageName}" supports SDK ${manifest.sdkRange}, but this service runs SDK ${sdkVersion}. ` +
            `Fix: install a version of "${packageName}" built for SDK ${sdkVersion}, or a service release whose SDK it supports.`,
        );
        refused.add(id);
        continue;
      }
      byId.set(id, loaded);
    }
  }

  const channels = new Map<string, string>();
  for (const channel of options.channels) {
    if (channels.has(channel.id)) {
      problems.push(`Channel "${channel.id}" is configured twice. Fix: give each channel account its own id.`);
      continue;
    }
    channels.set(channel.id, channel.connector);
    if (!byId.has(channel.connector) && !refused.has(channel.connector)) {
      const loaded = [...byId.keys()].sort().join(', ') || 'none';
      problems.push(
        `Channel "${channel.id}" uses connector "${channel.connector}", which no configured package provides (loaded: ${loaded}). ` +
          `Fix: add the package that provides "${channel.connector}" to the connector packages setting, or correct the channel's connector.`,
      );
    }
  }

  if (problems.length > 0) {
    throw new ConnectorRegistryError(problems);
  }
  return new ConnectorRegistry(byId, channels);
}
