/**
 * Generic cell rate algorithm in one Redis call: a bucket of `limit` requests per window, refilled
 * evenly. The bucket is a single key holding the "theoretical arrival time" in microseconds, so
 * every API process shares it and it expires on its own once idle. Redis's own clock is used, so
 * replicas whose clocks differ still agree.
 *
 * KEYS[1]: the bucket. ARGV[1]: microseconds per request (window / limit). ARGV[2]: the window in
 * microseconds (how far ahead of now the bucket may run: the burst).
 * Returns { allowed (1/0), microseconds until the next request is allowed, microseconds until the bucket is full }.
 */
export const GCRA_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local interval = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local next_tat = tat + interval
local allow_at = next_tat - window
if allow_at > now then
  return {0, math.ceil(allow_at - now), math.ceil(tat - now)}
end
redis.call('SET', KEYS[1], string.format('%.0f', next_tat), 'PX', math.ceil((next_tat - now) / 1000) + 1)
return {1, 0, math.ceil(next_tat - now)}
`;
