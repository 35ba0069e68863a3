import { connectorManifestJsonSchema, type ConnectorManifestInput } from './manifest.schema';
import { ManifestError, validateManifest } from './validate-manifest';

const validManifest: ConnectorManifestInput = {
  id: 'acme-mall',
  displayName: 'ACME モール',
  sdkRange: '^1.0.0',
  auth: { mode: 'api-key' },
  credentials: [{ name: 'apiKey', label: 'API key', secret: true }],
  rateLimits: {
    push: { kind: 'token-bucket', ratePerSecond: 1, burst: 1 },
    read: { kind: 'token-bucket', ratePerSecond: 5, burst: 5 },
    catalogue: { kind: 'leaky-bucket', capacity: 1000, leakPerSecond: 100, costPerCall: 10 },
    orders: { kind: 'token-bucket', ratePerSecond: 0.0167, burst: 20 },
  },
  bulk: { push: 400, read: 1000, catalogue: 100, orders: 100 },
  maxQuantity: 99999,
  pushSemantics: ['relative', 'absolute'],
  stockLoweredOn: 'order-created',
  orderDelivery: { webhook: false, polling: true },
};

describe('validateManifest', () => {
  it('accepts a complete manifest and fills defaults', () => {
    const manifest = validateManifest(validManifest);
    expect(manifest.credentials[0].required).toBe(true);
    expect(manifest.id).toBe('acme-mall');
  });

  it('names every wrong field and what it accepts, with the source', () => {
    const broken = {
      ...validManifest,
      id: 'ACME',
      sdkRange: 'latest',
      bulk: { ...validManifest.bulk, push: 0 },
      pushSemantics: ['overwrite'],
      orderDelivery: { webhook: false, polling: false },
      credentials: [
        { name: 'apiKey', label: 'a', secret: true },
        { name: 'apiKey', label: 'b', secret: true },
      ],
    };
    let message = '';
    try {
      validateManifest(broken, 'package "acme-connector"');
    } catch (error) {
      expect(error).toBeInstanceOf(ManifestError);
      message = (error as Error).message;
    }
    expect(message).toContain('package "acme-connector"');
    expect(message).toContain('id: must be 2-40 lowercase letters');
    expect(message).toContain('sdkRange: must be a semver range');
    expect(message).toContain('bulk.push:');
    expect(message).toContain('pushSemantics[0]:');
    expect(message).toContain('orderDelivery: at least one of webhook or polling');
    expect(message).toContain('credentials: field names must be unique');
  });

  it('refuses unknown fields, so a typo does not pass silently', () => {
    expect(() => validateManifest({ ...validManifest, bulkSize: 10 })).toThrow('bulkSize');
  });

  it('exports the schema as JSON Schema for authors outside TypeScript', () => {
    expect(connectorManifestJsonSchema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['id', 'sdkRange', 'rateLimits', 'pushSemantics', 'stockLoweredOn']),
    });
  });
});
