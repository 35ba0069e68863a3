/**
 * Orders on their way from each channel to the ledger. A channel's import delay is fixed and its sales
 * happen in time order, so each channel's orders arrive in the order they were sold: a FIFO queue per
 * channel replaces heap operations on the busiest kind of event.
 */
export class IngestQueues {
  private readonly times: Float64Array[];
  private readonly quantities: Uint32Array[];
  private readonly heads: Uint32Array;
  private readonly tails: Uint32Array;

  constructor(channels: number) {
    this.times = Array.from({ length: channels }, () => new Float64Array(64));
    this.quantities = Array.from({ length: channels }, () => new Uint32Array(64));
    this.heads = new Uint32Array(channels);
    this.tails = new Uint32Array(channels);
  }

  clear(): void {
    this.heads.fill(0);
    this.tails.fill(0);
  }

  push(channel: number, time: number, quantity: number): void {
    if (this.tails[channel] === this.times[channel].length) this.compactOrGrow(channel);
    const tail = this.tails[channel]++;
    this.times[channel][tail] = time;
    this.quantities[channel][tail] = quantity;
  }

  /** When the channel's next order reaches the ledger; Infinity when none is on its way. */
  headTime(channel: number): number {
    return this.heads[channel] < this.tails[channel] ? this.times[channel][this.heads[channel]] : Infinity;
  }

  /** Removes the channel's next order and returns its quantity. */
  shift(channel: number): number {
    return this.quantities[channel][this.heads[channel]++];
  }

  private compactOrGrow(channel: number): void {
    const head = this.heads[channel];
    const live = this.tails[channel] - head;
    const times = this.times[channel];
    const quantities = this.quantities[channel];
    if (head > times.length / 2) {
      times.copyWithin(0, head, head + live);
      quantities.copyWithin(0, head, head + live);
    } else {
      const grownTimes = new Float64Array(times.length * 2);
      grownTimes.set(times.subarray(head, head + live));
      const grownQuantities = new Uint32Array(times.length * 2);
      grownQuantities.set(quantities.subarray(head, head + live));
      this.times[channel] = grownTimes;
      this.quantities[channel] = grownQuantities;
    }
    this.heads[channel] = 0;
    this.tails[channel] = live;
  }
}
