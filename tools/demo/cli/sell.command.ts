import { describeLine, type ListingLine } from '../channel-sync-state';
import { allocationUnitOf } from '../demo-catalogue';
import type { ControlClient } from './control-client';

const key = (l: ListingLine) => `${l.account} ${l.listingId}`;
const seconds = (ms: number) => `+${(ms / 1000).toFixed(2)} s`.padStart(9);

export interface SellOptions {
  timeoutMs?: number;
  write?: (line: string) => void;
}

/**
 * Places a buyer's order on one channel's sandbox and prints, as they happen, the quantities that
 * change on every channel for that product and the bundles sharing its stock, until each listing
 * shows what the rules say. Answers true when everything came in line in time.
 */
export async function sell(client: ControlClient, channel: string, sku: string, quantity: number, options: SellOptions = {}): Promise<boolean> {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const unit = allocationUnitOf(sku);
  const shown = new Map((await client.state(unit)).map((l) => [key(l), l.shows]));
  const started = Date.now();
  const order = await client.order(channel, sku, quantity);
  write(`Sold ${quantity} × ${order.sku} ${order.name} on ${order.channel} (order ${order.orderId}); urikiri hears of it by ${order.deliveredBy}.`);
  write(`${seconds(0)}  ${order.channel.padEnd(8)} ${order.listingId.padEnd(26)} ${order.sku.padEnd(17)} ${String(order.before).padStart(3)} → ${order.after}   the channel's own sale`);
  shown.set(`${order.account} ${order.listingId}`, order.after);
  const deadline = started + (options.timeoutMs ?? 15_000);
  for (;;) {
    const lines = await client.state(unit);
    const elapsed = Date.now() - started;
    for (const line of lines) {
      const before = shown.get(key(line));
      if (before === line.shows) continue;
      write(`${seconds(elapsed)}  ${line.channel.padEnd(8)} ${line.listingId.padEnd(26)} ${line.sku.padEnd(17)} ${String(before).padStart(3)} → ${line.shows}`);
      shown.set(key(line), line.shows);
    }
    if (lines.every((l) => l.inLine)) {
      const sharing = unit.length > 1 ? ` for ${sku} and the ${unit.length - 1} products sharing its stock` : ` for ${sku}`;
      write(`Every channel shows what the rules say${sharing}, ${(elapsed / 1000).toFixed(2)} s after the sale.`);
      return true;
    }
    if (Date.now() > deadline) {
      const behind = lines.filter((l) => !l.inLine).map(describeLine);
      write(`Not at the rules' quantity after ${((options.timeoutMs ?? 15_000) / 1000).toFixed(0)} s: ${behind.join('; ')}`);
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
