import { DEMO_CHANNEL_IDS, type DemoChannelId } from '../demo/demo-channel-ids';
import type { SaleWorld } from './sale-world';

export interface ChannelReport {
  ordersAccepted: number;
  ordersRefused: number;
  oversoldUnits: number;
  falseStockoutOrders: number;
  falseStockoutUnits: number;
  falseStockoutSeconds: number;
  syncP50Ms: number | null;
  syncP95Ms: number | null;
  syncP99Ms: number | null;
  outOfLineAtEnd: number;
}

export interface ModeReport {
  channels: Record<DemoChannelId, ChannelReport>;
  oversells: number;
  falseStockoutUnits: number;
  /** p99 over every channel of how long a listing showed something else than the rules on the true stock said. */
  pushP99Ms: number | null;
  outOfLineAtEnd: number;
}

/** What one set of channels did in the sale, per channel and in total. */
export function reportOf(world: SaleWorld): ModeReport {
  const outOfLine = world.outOfLine();
  const channels = Object.fromEntries(
    DEMO_CHANNEL_IDS.map((channel) => {
      const tally = world.tallies[channel];
      const lag = world.lag(channel);
      const report: ChannelReport = {
        ordersAccepted: tally.ordersAccepted,
        ordersRefused: tally.ordersRefused,
        oversoldUnits: tally.oversoldUnits,
        falseStockoutOrders: tally.falseStockoutOrders,
        falseStockoutUnits: tally.falseStockoutUnits,
        falseStockoutSeconds: Math.round(tally.falseStockoutMs / 100) / 10,
        syncP50Ms: lag.p50Ms,
        syncP95Ms: lag.p95Ms,
        syncP99Ms: lag.p99Ms,
        outOfLineAtEnd: outOfLine.filter((l) => l.channel === channel).length,
      };
      return [channel, report];
    }),
  ) as Record<DemoChannelId, ChannelReport>;
  return {
    channels,
    oversells: world.oversoldUnits(),
    falseStockoutUnits: DEMO_CHANNEL_IDS.reduce((sum, c) => sum + world.tallies[c].falseStockoutUnits, 0),
    pushP99Ms: world.lagOverall().p99Ms,
    outOfLineAtEnd: outOfLine.length,
  };
}

/** A fixed-width table of the per-channel figures, one line per channel. */
export function channelTable(title: string, report: ModeReport): string {
  const header = ['channel', 'accepted', 'refused', 'oversold', 'falseSO orders', 'falseSO units', 'falseSO s', 'sync p50', 'p95', 'p99 ms', 'off at end'];
  const rows = DEMO_CHANNEL_IDS.map((c) => {
    const r = report.channels[c];
    return [c, r.ordersAccepted, r.ordersRefused, r.oversoldUnits, r.falseStockoutOrders, r.falseStockoutUnits, r.falseStockoutSeconds, r.syncP50Ms, r.syncP95Ms, r.syncP99Ms, r.outOfLineAtEnd].map((v) => String(v ?? '-'));
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [title, line(header), ...rows.map(line)].join('\n');
}
