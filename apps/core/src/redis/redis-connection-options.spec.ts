import { clusterOptions, describeRedis, reconnectDelayMs, redactedRedisUrl, redisConnectionOptions, standaloneOptions } from './redis-connection-options';

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

describe('standaloneOptions and clusterOptions', () => {
  it('reaches the master the Sentinels name, with the credentials and database of the URLs', () => {
    expect(
      standaloneOptions({
        mode: 'sentinel',
        sentinels: ['redis://:m%40ster@s1:26379/2', 'redis://:m%40ster@s2:26380/2'],
        name: 'orders',
        sentinelPassword: 'watch',
      }),
    ).toEqual({
      // Back within two seconds of an outage, behind Sentinel too.
      retryStrategy: reconnectDelayMs,
      password: 'm@ster',
      db: 2,
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26380 },
      ],
      name: 'orders',
      sentinelPassword: 'watch',
    });
  });

  it('uses TLS to the Sentinels and to the master for rediss://', () => {
    expect(standaloneOptions({ mode: 'sentinel', sentinels: ['rediss://s1:26379'], name: 'm', sentinelPassword: undefined })).toMatchObject({
      tls: {},
      sentinelTLS: {},
      enableTLSForSentinelMode: true,
    });
  });

  it('seeds a cluster with every node, and gives each node connection the credentials', () => {
    expect(clusterOptions(['rediss://app:pw@n1:7000', 'rediss://app:pw@n2:7001'])).toEqual({
      nodes: [
        { host: 'n1', port: 7000 },
        { host: 'n2', port: 7001 },
      ],
      redisOptions: { retryStrategy: reconnectDelayMs, username: 'app', password: 'pw', tls: {} },
    });
  });

  it('says which servers and which variable, never the password', () => {
    expect(describeRedis({ mode: 'cluster', nodes: ['redis://:pw@n1:7000', 'redis://:pw@n2:7001'] })).toBe('the Redis Cluster at n1:7000, n2:7001 (REDIS_CLUSTER_NODES)');
    expect(describeRedis({ mode: 'sentinel', sentinels: ['redis://:pw@s1:26379'], name: 'm', sentinelPassword: undefined })).toBe(
      'the Redis master "m" of the Sentinels at s1:26379 (REDIS_SENTINELS)',
    );
    expect(describeRedis({ mode: 'single', url: 'redis://:pw@cache:6379', explicit: true })).toBe('Redis at redis://:***@cache:6379 (REDIS_URL)');
  });
});
