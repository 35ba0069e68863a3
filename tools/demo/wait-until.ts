/** Thrown when a condition did not hold in time; carries the last thing seen, for the message. */
export class WaitTimeoutError extends Error {
  constructor(what: string, timeoutMs: number, lastSeen: string) {
    super(`${what} did not happen within ${Math.round(timeoutMs / 1000)} s; last seen: ${lastSeen}`);
    this.name = 'WaitTimeoutError';
  }
}

/** Reads `read` every `everyMs` until `done` holds, and answers that value; throws after `timeoutMs`. */
export async function waitUntil<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMs: number; everyMs?: number; describe?: (value: T) => string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new WaitTimeoutError(what, options.timeoutMs, options.describe?.(value) ?? JSON.stringify(value).slice(0, 800));
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 200));
  }
}
