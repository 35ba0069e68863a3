/**
 * Rule entries addressed to a channel ("rakuten") or to one account of it ("rakuten/shop-a").
 * Looked up by channel and account separately, so the hot path never builds "channel/account"
 * strings; the account entry wins over the channel entry.
 */

export interface TargetEntry<T> {
  /** The key as the operator wrote it. */
  readonly target: string;
  readonly value: T;
  /** Position in `entries`, for grouping without maps. */
  readonly index: number;
}

interface ChannelEntries<T> {
  channel: TargetEntry<T> | null;
  accounts: Map<string, TargetEntry<T>> | null;
}

export class TargetTable<T> {
  readonly entries: readonly TargetEntry<T>[];
  private readonly byChannel = new Map<string, ChannelEntries<T>>();

  constructor(pairs: readonly (readonly [string, T])[]) {
    this.entries = pairs.map(([target, value], index) => ({
      target,
      value,
      index,
    }));
    for (const entry of this.entries) {
      const slash = entry.target.indexOf('/');
      const channel =
        slash === -1 ? entry.target : entry.target.slice(0, slash);
      let slot = this.byChannel.get(channel);
      if (slot === undefined) {
        slot = { channel: null, accounts: null };
        this.byChannel.set(channel, slot);
      }
      if (slash === -1) slot.channel = entry;
      else
        (slot.accounts ??= new Map()).set(entry.target.slice(slash + 1), entry);
    }
  }

  lookup(channel: string, account: string): TargetEntry<T> | null {
    const slot = this.byChannel.get(channel);
    if (slot === undefined) return null;
    return slot.accounts?.get(account) ?? slot.channel;
  }

  static fromRecord<T>(record: Readonly<Record<string, T>>): TargetTable<T> {
    return new TargetTable(Object.entries(record));
  }
}
