import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SDK_VERSION } from '../sdk-version';
import { loadConnectorRegistry } from './connector-registry';
import { ConnectorRegistryError } from './connector-registry-error';

// Packages are installed into a throwaway node_modules inside the workspace, so they can require
// zod the way a published connector would, and are found only through `resolveFrom`.
const workspaceRoot = resolve(__dirname, '../../../..');

function manifest(id: string, sdkRange: string) {
  return {
    id,
    displayName: id,
    sdkRange,
    baseUrl: 'https://api.example.com',
    auth: { mode: 'api-key' },
    credentials: [{ name: 'apiKey', label: 'API key', secret: true }],
    rateLimits: Object.fromEntries(
      ['push', 'read', 'catalogue', 'orders'].map((op) => [op, { kind: 'token-bucket', ratePerSecond: 1, burst: 1 }]),
    ),
    bulk: { push: 10, read: 10, catalogue: 10, orders: 10 },
    maxQuantity: 9999,
    pushSemantics: ['absolute'],
    stockLoweredOn: 'order-created',
    orderDelivery: { webhook: false, polling: true },
  };
}

function connectorPackage(className: string, id: string, manifestJson: unknown): string {
  return `
const { z } = require('zod');
class ${className} {
  constructor(context) {
    this.manifest = ${className}.manifest;
    this.credentials = ${className}.credentials.parse(context.credentials);
  }
}
${className}.id = ${JSON.stringify(id)};
${className}.manifest = ${JSON.stringify(manifestJson)};
${className}.credentials = z.object({ apiKey: z.string().min(1) });
module.exports = { connectors: [${className}] };
`;
}

describe('loadConnectorRegistry', () => {
  let root: string;

  function install(name: string, source: string): void {
    const dir = join(root, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js' }));
    writeFileSync(join(dir, 'index.js'), source);
  }

  beforeAll(() => {
    mkdirSync(join(workspaceRoot, 'tmp'), { recursive: true });
    root = mkdtempSync(join(workspaceRoot, 'tmp', 'connector-registry-'));
    install('acme-connector', connectorPackage('AcmeConnector', 'acme', manifest('acme', '^1.0.0')));
    install('@other/acme-copy', connectorPackage('AcmeCopy', 'acme', manifest('acme', '^1.0.0')));
    install('future-connector', connectorPackage('FutureConnector', 'future', manifest('future', '^2.0.0')));
    install('broken-connector', connectorPackage('BrokenConnector', 'broken', { ...manifest('broken', '^1.0.0'), bulk: {} }));
    install('empty-package', 'module.exports = { hello: 1 };');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('loads a connector package by name alone and creates connectors for its channels', () => {
    const registry = loadConnectorRegistry({
      packages: ['acme-connector'],
      channels: [{ id: 'acme-main-shop', connector: 'acme' }],
      resolveFrom: root,
    });
    expect(registry.ids()).toEqual(['acme']);
    expect(registry.packageOf('acme')).toBe('acme-connector');
    const connector = registry.create('acme-main-shop', { credentials: { apiKey: 'k' } });
    expect(connector.manifest.id).toBe('acme');
    expect(() => registry.create('acme-main-shop', { credentials: {} })).toThrow('apiKey');
    expect(() => registry.connectorForChannel('unknown-shop')).toThrow('configured: acme-main-shop');
  });

  it('takes bundled packages from memory and still loads the other listed names from disk', () => {
    // What a bundled service does: its own connectors are compiled in, third-party ones installed.
    const bundledSource = { exports: {} as unknown };
    new Function('module', 'require', connectorPackage('BundledConnector', 'bundled', manifest('bundled', '^1.0.0')))(bundledSource, require);
    const registry = loadConnectorRegistry({
      packages: ['@in-repo/bundled', 'acme-connector'],
      channels: [{ id: 'in-repo-shop', connector: 'bundled' }, { id: 'acme-shop', connector: 'acme' }],
      resolveFrom: root,
      bundled: { '@in-repo/bundled': bundledSource.exports },
    });
    expect(registry.ids()).toEqual(['acme', 'bundled']);
    expect(registry.packageOf('bundled')).toBe('@in-repo/bundled');
    // A bundled package that is not listed is not loaded: configuration alone decides.
    expect(loadConnectorRegistry({ packages: ['acme-connector'], channels: [], resolveFrom: root, bundled: { '@in-repo/bundled': bundledSource.exports } }).ids()).toEqual(['acme']);
  });

  it('refuses to start with one message listing every problem and its fix', () => {
    let error: unknown;
    try {
      loadConnectorRegistry({
        packages: ['acme-connector', '@other/acme-copy', 'future-connector', 'broken-connector', 'empty-package', 'not-installed-connector'],
        channels: [
          { id: 'acme-main-shop', connector: 'acme' },
          { id: 'qoo10-shop', connector: 'qoo10' },
          { id: 'future-shop', connector: 'future' },
          { id: 'acme-main-shop', connector: 'acme' },
        ],
        resolveFrom: root,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConnectorRegistryError);
    const problems = (error as ConnectorRegistryError).problems;
    expect(problems).toHaveLength(7);
    expect(problems.every((p) => p.includes('Fix:'))).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('7 problems');
    expect(message).toContain('Connector id "acme" is claimed by both "acme-connector" and "@other/acme-copy"');
    expect(message).toContain(`Connector "future" from "future-connector" supports SDK ^2.0.0, but this service runs SDK ${SDK_VERSION}`);
    expect(message).toContain('bulk.push:');
    expect(message).toContain('Package "empty-package" exports no "connectors" array');
    expect(message).toContain('"not-installed-connector" is not installed. Fix: npm install not-installed-connector');
    expect(message).toContain('Channel "qoo10-shop" uses connector "qoo10", which no configured package provides (loaded: acme)');
    expect(message).toContain('Channel "acme-main-shop" is configured twice');
    expect(message).not.toContain('Channel "future-shop"');
  });

  it('checks connectors against the SDK version the service runs', () => {
    const registry = loadConnectorRegistry({
      packages: ['future-connector'],
      channels: [{ id: 'future-shop', connector: 'future' }],
      sdkVersion: '2.3.0',
      resolveFrom: root,
    });
    expect(registry.ids()).toEqual(['future']);
    expect(() =>
      loadConnectorRegistry({ packages: ['acme-connector'], channels: [], sdkVersion: '2.3.0', resolveFrom: root }),
    ).toThrow('supports SDK ^1.0.0, but this service runs SDK 2.3.0');
  });
});
