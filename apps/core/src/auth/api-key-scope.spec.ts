import { grants } from './api-key-scope';
import { generateApiKey, hashApiKey, visiblePrefix } from './api-key-secret';

describe('API key scopes', () => {
  it('lets each scope include the ones before it, and no more', () => {
    expect(grants(['read'], 'read')).toBe(true);
    expect(grants(['read'], 'write')).toBe(false);
    expect(grants(['write'], 'read')).toBe(true);
    expect(grants(['write'], 'admin')).toBe(false);
    expect(grants(['admin'], 'write')).toBe(true);
    expect(grants([], 'read')).toBe(false);
  });
});

describe('API key secrets', () => {
  it('are long, random, prefixed, and stored only as a SHA-256 hash', () => {
    const key = generateApiKey();
    expect(key).toMatch(/^uk_[A-Za-z0-9_-]{43}$/);
    expect(generateApiKey()).not.toBe(key);
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(visiblePrefix(key)).toBe(key.slice(0, 11));
  });
});
