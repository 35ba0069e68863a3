import type { SimulationReport, Spread } from '@urikiri/simulation';

/**
 * The policy comparison as a Markdown table (it reads well in a terminal and pastes into docs):
 * medians with the 5–95 % range across runs.
 */
export function policyTable(report: SimulationReport): string {
  const cell = (spread: Spread) =>
    spread.p5 === spread.p95 ? fmt(spread.p50) : `${fmt(spread.p50)} (${fmt(spread.p5)}–${fmt(spread.p95)})`;
  const header = [
    'policy',
    'sold',
    'turned away',
    'lost: sync lag',
    'lost: rules',
    'oversold',
    'stock-out h (sum of channels)',
    'leftover',
    'cost ¥ (mean)',
  ];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...report.policies.map((policy) => {
      const stockOut = policy.channels.reduce((sum, channel) => sum + channel.stockOutHours.mean, 0);
      return `| ${[
        policy.name,
        cell(policy.sold),
        cell(policy.turnedAway),
        cell(policy.lostSyncLag),
        cell(policy.lostRules),
        cell(policy.oversold),
        stockOut.toFixed(1),
        cell(policy.leftover),
        Math.round(policy.cost.mean).toLocaleString('en-US'),
      ].join(' | ')} |`;
    }),
  ];
  return [`${report.skus} SKUs × ${report.channels.length} channels, ${report.window.from} → ${report.window.to}, ${report.runs} runs; median (5–95 %)`, '', ...lines].join('\n');
}

function fmt(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}
