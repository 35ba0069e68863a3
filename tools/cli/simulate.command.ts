// `urikiri simulate --history sales.csv --plan sale.yaml --out report/`: the what-if report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  parseCampaignsCsv,
  parseInboundCsv,
  parsePlan,
  parseSalesHistoryCsv,
  parseStockCsv,
  renderReportHtml,
  runSimulation,
  stockRowsToPlanStock,
  type CampaignRow,
  type InboundRow,
  type PlanStock,
} from '@urikiri/simulation';
import { describePlanIssues, InputFileError, readCsv, runCommand, wholeNumber, readText } from './input-files';
import { progressBar } from './progress-bar';
import { policyTable } from './policy-table';

const HELP = `Usage: urikiri simulate --history sales.csv --plan sale.yaml --out report/
                        [--campaigns campaigns.csv] [--stock stock.csv] [--inbound inbound.csv]
                        [--runs N] [--seed N]

Forecasts the promotion, simulates every policy of the plan order by order (Monte Carlo), searches
an allocation rule set and plans replenishment. Writes report.json and a self-contained report.html
into --out; prints the policy comparison table. Files named under "files:" in the plan are read next
to the plan; the flags override them.`;

function main(): number {
  const { values } = parseArgs({
    options: {
      history: { type: 'string' },
      plan: { type: 'string' },
      out: { type: 'string' },
      campaigns: { type: 'string' },
      stock: { type: 'string' },
      inbound: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const missing = (['history', 'plan', 'out'] as const).filter((flag) => values[flag] === undefined);
  if (missing.length > 0) {
    console.error(`urikiri simulate: ${missing.map((flag) => `--${flag}`).join(', ')} required.\n\n${HELP}`);
    return 2;
  }
  const planFile = values.plan as string;
  const parsed = parsePlan(readText(planFile, 'plan'));
  if (!parsed.ok) throw new InputFileError(describePlanIssues(planFile, parsed.issues));
  const overrides = {
    ...(values.runs === undefined ? {} : { runs: wholeNumber('--runs', values.runs) }),
    ...(values.seed === undefined ? {} : { seed: wholeNumber('--seed', values.seed) }),
  };
  const plan = { ...parsed.plan, ...overrides };
  const besidePlan = (file: string | undefined) => (file === undefined ? undefined : join(dirname(planFile), file));
  const campaignsFile = values.campaigns ?? besidePlan(plan.files?.campaigns);
  const stockFile = values.stock ?? besidePlan(plan.files?.stock);
  const inboundFile = values.inbound ?? besidePlan(plan.files?.inbound);
  const campaigns: readonly CampaignRow[] =
    campaignsFile === undefined ? [] : readCsv(campaignsFile, 'campaigns', parseCampaignsCsv);
  const stock: readonly PlanStock[] =
    stockFile === undefined ? [] : stockRowsToPlanStock(readCsv(stockFile, 'stock', parseStockCsv));
  const inbound: readonly InboundRow[] =
    inboundFile === undefined ? [] : readCsv(inboundFile, 'inbound', parseInboundCsv);
  if (stock.length === 0 && (plan.stock ?? []).length === 0) {
    throw new InputFileError('no stock to simulate: give a stock CSV (--stock or files.stock in the plan) or a stock list in the plan');
  }
  const history = readCsv(values.history as string, 'sales history', parseSalesHistoryCsv);

  const report = runSimulation({ history, campaigns, stock, inbound, plan }, { onProgress: progressBar() });

  const out = resolve(values.out as string);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(out, 'report.html'), renderReportHtml(report));
  console.log(policyTable(report));
  console.log('');
  console.log(`recommended rules (${report.recommendations.allocation.best.label}): expected cost ¥${Math.round(report.recommendations.allocation.best.expectedCost).toLocaleString('en-US')} per run`);
  console.log(`at-risk SKUs: ${report.recommendations.atRisk.map((r) => `${r.sku} (${r.reasons.join(', ')})`).join('; ') || 'none'}`);
  console.log(`wrote ${join(out, 'report.json')} and ${join(out, 'report.html')}`);
  return 0;
}

runCommand('simulate', main);
