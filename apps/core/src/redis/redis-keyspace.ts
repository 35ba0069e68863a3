/**
 * Every key one installation keeps in Redis, built here and nowhere else. All of them start with the
 * installation's QUEUE_PREFIX in braces, `{urikiri}:`: a Redis Cluster hash tag, so the whole
 * installation lives in one slot. BullMQ's Lua scripts touch several keys of a queue at once, the
 * service's own pipelines several of its keys, and a cluster refuses any command whose keys lie in
 * different slots (CROSSSLOT); with one tag no key built here can ever be refused for that. On a single
 * server or behind Sentinel the braces are only characters.
 */
export interface RedisKeyspace {
  /** The `prefix` option of every BullMQ queue and worker: their keys are `{prefix}:<queue>:<suffix>`. */
  readonly bullPrefix: string;
  /** The service's own key made of `parts`, e.g. `key('rate-limit', 'ip:10.0.0.1')`. */
  key(...parts: readonly string[]): string;
}

export function redisKeyspace(queuePrefix: string): RedisKeyspace {
  if (!/^[A-Za-z0-9_-]+$/.test(queuePrefix)) {
    // QUEUE_PREFIX is validated at start-up; a brace or colon here would move keys out of the tag.
    throw new Error(`A Redis key prefix must be letters, digits, "_" or "-", but "${queuePrefix}" is not.`);
  }
  const bullPrefix = `{${queuePrefix}}`;
  return {
    bullPrefix,
    key: (...parts) => [bullPrefix, ...parts].join(':'),
  };
}
