import { reconnectDelayMs, redactedRedisUrl, redisConnectionOptions } from './redis-connection-options';

describe('redisConnectionOptions', () => {
  it('reads host, port, credentials, database and TLS from the URL', () => {
    expect(redisConnectionOptions('redis://127.0.0.1:6379')).toEqual({ host: '127.0.0.1', port: 6379, retryStrategy: reconnectDelayMs });
    expect(redisConnectionOptions('rediss://app:p%40ss@cache.example:6380/3')).toEqual({
      host: 'cache.example',
      port: 6380,
      username: 'app',
      password: 'p@ss',
      db: 3,
      tls: {},
      retryStrategy: reconnectDelayMs,
    });
    expect(redisConnectionOptions('redis://cache')).toEqual({ host: 'cache', port: 6379, retryStrategy: reconnectDelayMs });
  });

  it('reconnects soon after Redis is back, however long it was away', () => {
    const delays = [1, 2, 5, 10, 100, 10_000].map(reconnectDelayMs);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(Math.max(...delays)).toBe(2000);
    expect(delays[0]).toBeLessThan(500);
  });

  it('hides the password when the URL is shown', () => {
    expect(redactedRedisUrl('redis://app:secret@cache:6379')).toBe('redis://app:***@cache:6379');
  });
});
