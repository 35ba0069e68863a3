/**
 * A binary min-heap of timed events stored in parallel typed arrays, so the hot loop allocates no
 * objects. Ties in time are broken by insertion order, which keeps every run reproducible.
 */
export class EventHeap {
  private time = new Float64Array(64);
  private sequence = new Float64Array(64);
  private kind = new Uint8Array(64);
  private channel = new Uint8Array(64);
  private quantity = new Uint32Array(64);
  private size = 0;
  private inserted = 0;

  /** The event just popped. */
  topTime = 0;
  topKind = 0;
  topChannel = 0;
  topQuantity = 0;

  clear(): void {
    this.size = 0;
    this.inserted = 0;
  }

  get length(): number {
    return this.size;
  }

  peekTime(): number {
    return this.size === 0 ? Infinity : this.time[0];
  }

  push(time: number, kind: number, channel: number, quantity: number): void {
    if (this.size === this.time.length) this.grow();
    let i = this.size++;
    const sequence = this.inserted++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.before(this.time[parent], this.sequence[parent], time, sequence)) break;
      this.copy(parent, i);
      i = parent;
    }
    this.set(i, time, sequence, kind, channel, quantity);
  }

  /** Removes the earliest event into `top*`. */
  pop(): void {
    this.topTime = this.time[0];
    this.topKind = this.kind[0];
    this.topChannel = this.channel[0];
    this.topQuantity = this.quantity[0];
    const last = --this.size;
    if (last === 0) return;
    const time = this.time[last];
    const sequence = this.sequence[last];
    const kind = this.kind[last];
    const channel = this.channel[last];
    const quantity = this.quantity[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (
        child + 1 < last &&
        this.before(this.time[child + 1], this.sequence[child + 1], this.time[child], this.sequence[child])
      )
        child++;
      if (this.before(time, sequence, this.time[child], this.sequence[child])) break;
      this.copy(child, i);
      i = child;
    }
    this.set(i, time, sequence, kind, channel, quantity);
  }

  private before(t1: number, s1: number, t2: number, s2: number): boolean {
    return t1 < t2 || (t1 === t2 && s1 < s2);
  }

  private copy(from: number, to: number): void {
    this.time[to] = this.time[from];
    this.sequence[to] = this.sequence[from];
    this.kind[to] = this.kind[from];
    this.channel[to] = this.channel[from];
    this.quantity[to] = this.quantity[from];
  }

  private set(i: number, time: number, sequence: number, kind: number, channel: number, quantity: number): void {
    this.time[i] = time;
    this.sequence[i] = sequence;
    this.kind[i] = kind;
    this.channel[i] = channel;
    this.quantity[i] = quantity;
  }

  private grow(): void {
    const size = this.time.length * 2;
    const grow = <T extends Float64Array | Uint8Array | Uint32Array>(array: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.time = grow(this.time, (n) => new Float64Array(n));
    this.sequence = grow(this.sequence, (n) => new Float64Array(n));
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.channel = grow(this.channel, (n) => new Uint8Array(n));
    this.quantity = grow(this.quantity, (n) => new Uint32Array(n));
  }
}
