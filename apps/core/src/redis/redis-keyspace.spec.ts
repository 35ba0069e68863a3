import { redisKeyspace } from './redis-keyspace';

describe('redisKeyspace', () => {
  it('puts the prefix in braces, the hash tag every key of the installation shares', () => {
    const keyspace = redisKeyspace('urikiri');
    expect(keyspace.bullPrefix).toBe('{urikiri}');
    expect(keyspace.key('rate-limit', 'ip:10.0.0.1')).toBe('{urikiri}:rate-limit:ip:10.0.0.1');
    expect(keyspace.key('ingestion-lock', 'shop{1}')).toBe('{urikiri}:ingestion-lock:shop{1}');
  });

  it('refuses a prefix that would break the tag', () => {
    expect(() => redisKeyspace('a}b')).toThrow('A Redis key prefix must be letters, digits, "_" or "-", but "a}b" is not.');
    expect(() => redisKeyspace('')).toThrow();
  });
});
