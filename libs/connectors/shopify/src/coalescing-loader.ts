interface Flight<K, V> {
  keys: Set<K>;
  done: Promise<Map<K, V>>;
}

/**
 * Shares look-ups between callers: at most one batch is in flight, and keys asked for meanwhile wait
 * for the next one, which then carries all of them. A burst of webhooks thus costs a few calls, each
 * for many keys, instead of one call per webhook; a key already in flight is not asked again.
 */
export class CoalescingLoader<K, V> {
  private running: Flight<K, V> | null = null;
  private next: (Flight<K, V> & { start(): void }) | null = null;

  /** `fetch` answers for the keys it can; keys missing from its map have no value. */
  constructor(private readonly fetch: (keys: K[]) => Promise<Map<K, V>>) {}

  async load(keys: readonly K[]): Promise<Map<K, V>> {
    const unique = [...new Set(keys)];
    const running = this.running;
    const waiting = running ? unique.filter((k) => !running.keys.has(k)) : unique;
    const answers = await Promise.all([
      ...(running && waiting.length < unique.length ? [running.done] : []),
      ...(waiting.length > 0 ? [this.enqueue(waiting)] : []),
    ]);
    const found = new Map<K, V>();
    for (const answer of answers) {
      unique.forEach((k) => {
        if (answer.has(k)) {
          found.set(k, answer.get(k) as V);
        }
      });
    }
    return found;
  }

  private enqueue(keys: readonly K[]): Promise<Map<K, V>> {
    if (this.next === null) {
      let start: () => void = () => undefined;
      const next = { keys: new Set<K>() } as Flight<K, V> & { start(): void };
      next.done = new Promise<Map<K, V>>((resolve, reject) => {
        start = () => {
          this.next = null;
          this.running = next;
          this.fetch([...next.keys])
            .then(resolve, reject)
            .finally(() => {
              this.running = null;
              this.next?.start();
            });
        };
      });
      next.start = start;
      this.next = next;
      if (this.running === null) {
        // Callers of the same turn of the event loop join this batch before it leaves.
        setImmediate(() => this.next === next && this.running === null && next.start());
      }
    }
    keys.forEach((k) => this.next?.keys.add(k));
    return this.next.done;
  }
}
