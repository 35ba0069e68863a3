/**
 * A Map that forgets its oldest entries beyond `limit`, so a cache fed by every webhook of a busy
 * shop cannot grow without end. Maps iterate in insertion order: the first key is the oldest.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    // Re-inserting moves the key to the young end, so what is used stays.
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) {
      this.entries.delete(this.entries.keys().next().value as K);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
