// `urikiri backtest --history sales.csv --horizon 12`: rolling-origin backtest of the baselines.
import { parseArgs } from 'node:util';
import {
  backtest,
  buildDemandSeries,
  parseCampaignsCsv,
  parseSalesHistoryCsv,
  seasonPeriodFor,
  type CampaignRow,
} from '@urikiri/simulation';
import { readCsv, runCommand, wholeNumber } from './input-files';

const HELP = `Usage: urikiri backtest --history sales.csv [--horizon 12] [--campaigns campaigns.csv]
                        [--origins 4] [--period 7] [--json]

Cuts each SKU × channel series at several origins, fits the method its demand pattern calls for on
what came before, and scores the next --horizon periods (days or weeks, as in the file) with MASE and
RMSSE next to seasonal naive. Promotional periods (campaign rows, promo flag, --campaigns windows)
are left out of the fit and of the scores.`;

function main(): number {
  const { values } = parseArgs({
    options: {
      history: { type: 'string' },
      campaigns: { type: 'string' },
      horizon: { type: 'string', default: '12' },
      origins: { type: 'string', default: '4' },
      period: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.history === undefined) {
    console.error(`urikiri backtest: --history is required.\n\n${HELP}`);
    return 2;
  }
  const horizon = wholeNumber('--horizon', values.horizon);
  const origins = wholeNumber('--origins', values.origins);
  const rows = readCsv(values.history, 'sales history', parseSalesHistoryCsv);
  const campaigns: readonly CampaignRow[] =
    values.campaigns === undefined ? [] : readCsv(values.campaigns, 'campaigns', parseCampaignsCsv);
  const series = buildDemandSeries(rows, campaigns);
  const granularity = series[0]?.granularity ?? 'day';
  const period = seasonPeriodFor(granularity, values.period === undefined ? undefined : wholeNumber('--period', values.period));
  const summary = backtest(series, { horizon, period, origins });
  if (values.json) {
    console.log(JSON.stringify(summary, null, 2));
    return 0;
  }
  const f = (value: number) => value.toFixed(3);
  console.log(`${series.length} series (${granularity === 'day' ? 'daily' : 'weekly'}), horizon ${horizon}, season ${period}, up to ${origins} origins`);
  console.log('');
  console.log(`${'sku'.padEnd(12)} ${'channel'.padEnd(9)} ${'pattern'.padEnd(12)} ${'method'.padEnd(28)} ${'MASE'.padStart(6)} ${'RMSSE'.padStart(6)} ${'naive MASE'.padStart(10)} ${'naive RMSSE'.padStart(11)}`);
  for (const s of summary.series) {
    console.log(`${s.sku.padEnd(12)} ${s.channel.padEnd(9)} ${s.pattern.padEnd(12)} ${s.method.padEnd(28)} ${f(s.mase).padStart(6)} ${f(s.rmsse).padStart(6)} ${f(s.naiveMase).padStart(10)} ${f(s.naiveRmsse).padStart(11)}`);
  }
  console.log('');
  console.log(`mean MASE ${f(summary.meanMase)} (seasonal naive ${f(summary.naiveMeanMase)}), mean RMSSE ${f(summary.meanRmsse)} (seasonal naive ${f(summary.naiveMeanRmsse)})`);
  console.log(`chosen method beats seasonal naive on ${Math.round(summary.beatsNaiveShare * 100)} % of ${summary.series.length} scored series; ${summary.skipped} too short or constant to score`);
  return 0;
}

runCommand('backtest', main);
