import type { SimulationReport } from '../report/simulation-report';
import { barChart, escapeHtml, lineChart, PALETTE } from './svg-charts';

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, no external assets) with the
 * forecast bands, stock over time per channel, stock-out probabilities, the policy comparison and
 * the recommendations.
 */
const FORECAST_CHARTS = 6;
const STOCK_OUT_BARS = 20;

export function renderReportHtml(report: SimulationReport): string {
  const sections = [
    header(report),
    policySection(report),
    stockSection(report),
    stockOutSection(report),
    recommendationSection(report),
    forecastSection(report),
  ];
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8">
<title>urikiri 在庫シミュレーション ${escapeHtml(report.window.from)}</title>
<style>
body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;margin:24px auto;max-width:1000px;color:#222}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #ddd;padding:4px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f4f4f4}
svg{display:block;margin:8px 0}svg .t{font-size:13px;font-weight:600}svg .a{font-size:11px;fill:#555}
.note{color:#666;font-size:12px}pre{background:#f7f7f7;padding:8px;font-size:12px;overflow:auto}
.risk{color:#bf0000}
</style></head><body>
${sections.join('\n')}
</body></html>
`;
}

function header(report: SimulationReport): string {
  return `<h1>在庫シミュレーション · promotion simulation</h1>
<p>${report.skus} SKUs × ${report.channels.length} channels (${report.channels.map(escapeHtml).join(', ')}),
window ${escapeHtml(report.window.from)} → ${escapeHtml(report.window.to)} (${report.window.hours} h), stock as of ${escapeHtml(report.asOf)},
${report.runs} Monte Carlo runs, seed ${report.seed}. Units conserved in every run: ${report.checks.unitsConserved ? 'yes' : '<b class="risk">no</b>'}.</p>`;
}

const fmt = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 });

function policySection(report: SimulationReport): string {
  const rows = report.policies.map((p) => {
    const stockOut = p.channels.reduce((sum, c) => sum + c.stockOutHours.mean, 0);
    const cell = (s: { p5: number; p50: number; p95: number }) =>
      `${fmt(s.p50)} <span class="note">(${fmt(s.p5)}–${fmt(s.p95)})</span>`;
    return `<tr><td>${escapeHtml(p.name)}</td><td>${cell(p.demand)}</td><td>${cell(p.sold)}</td><td>${cell(p.turnedAway)}</td><td>${cell(p.lostSyncLag)}</td><td>${cell(p.lostRules)}</td><td>${cell(p.oversold)}</td><td>${stockOut.toFixed(1)}</td><td>${cell(p.leftover)}</td><td>¥${Math.round(p.cost.mean).toLocaleString('en-US')}</td></tr>`;
  });
  const channelRows = report.policies.flatMap((p) =>
    p.channels.map(
      (c) => `<tr><td>${escapeHtml(p.name)} · ${escapeHtml(c.channel)}</td><td>${fmt(c.sold.mean)}</td><td>${fmt(c.lostSyncLag.mean)}</td><td>${fmt(c.lostRules.mean)}</td><td>${fmt(c.oversold.mean)}</td><td>${c.stockOutHours.mean.toFixed(1)}</td></tr>`,
    ),
  );
  return `<h2>Policies compared (ポリシー比較)</h2>
<p class="note">Median across runs (5–95 %). Turned away (売り逃し): buyers' units refused by a channel showing too little while free stock existed. Lost: the turned-away units whose stock was still unsold at the end (a unit another channel sold later was not lost), split into what sync lag caused (the rules, given the true stock, would have shown it) and what the rules chose. Oversold (売り越し): units a channel sold that were not there. Stock-out hours: listing-hours a channel showed 0, summed over SKUs and channels. Cost = lost × ¥ per lost unit + oversold × ¥ per oversell.</p>
<table><tr><th>policy</th><th>demand</th><th>sold</th><th>turned away</th><th>lost: sync lag</th><th>lost: rules</th><th>oversold</th><th>stock-out h</th><th>leftover</th><th>cost / run (mean)</th></tr>${rows.join('')}</table>
<table><tr><th>policy · channel (means)</th><th>sold</th><th>lost: sync lag</th><th>lost: rules</th><th>oversold</th><th>stock-out h</th></tr>${channelRows.join('')}</table>`;
}

function hourLabels(report: SimulationReport): string[] {
  const start = Date.parse(report.window.from);
  return Array.from({ length: report.window.hours + 1 }, (_, h) => {
    const jst = new Date(start + h * 3_600_000 + 9 * 3_600_000).toISOString();
    return report.window.hours > 48 ? jst.slice(5, 10) : jst.slice(11, 16);
  });
}

function stockSection(report: SimulationReport): string {
  const labels = hourLabels(report);
  const charts = report.policies.map((p) =>
    lineChart({
      title: `${p.name}: stock shown per channel (sum over SKUs, median and 10–90 %)`,
      xLabels: labels,
      series: [
        {
          label: 'physical',
          color: PALETTE[5],
          values: p.physicalByHour.p50,
          dashed: true,
        },
        ...p.shownByHour.map((c, i) => ({
          label: c.channel,
          color: PALETTE[i % 5],
          values: c.p50,
          band: { low: c.p10, high: c.p90 },
        })),
      ],
    }),
  );
  return `<h2>Stock over time per channel (チャネル別在庫推移)</h2>${charts.join('')}`;
}

function stockOutSection(report: SimulationReport): string {
  const charts = report.policies.map((p) => {
    const bars = [...p.skus]
      .sort((a, b) => b.stockOutProbability - a.stockOutProbability || (a.sku < b.sku ? -1 : 1))
      .slice(0, STOCK_OUT_BARS)
      .map((s) => ({ label: s.sku, value: s.stockOutProbability }));
    return barChart(`${p.name}: probability of selling out in the window (欠品確率)`, bars, 1, (v) => `${Math.round(v * 100)} %`);
  });
  return `<h2>Stock-out probability (欠品確率)</h2>${charts.join('')}`;
}

function recommendationSection(report: SimulationReport): string {
  const { allocation, replenishment, atRisk, criticalRatio } = report.recommendations;
  const candidates = allocation.candidates
    .map((c) => `<tr><td>${escapeHtml(c.label)}</td><td>¥${Math.round(c.expectedCost).toLocaleString('en-US')}</td><td>${fmt(c.meanLost)}</td><td>${fmt(c.meanOversold)}</td></tr>`)
    .join('');
  const orders = replenishment
    .map((r) => {
      const risky = atRisk.find((a) => a.sku === r.sku);
      return `<tr${risky ? ' class="risk"' : ''}><td>${escapeHtml(r.sku)}</td><td>${fmt(r.stockAtStart)}</td><td>${fmt(r.inboundInWindow)}</td><td>${fmt(r.targetStock)}</td><td>${fmt(r.orderQuantity)}</td><td>${r.leadTimeDays}</td><td>${escapeHtml(r.orderBy)}</td><td>${risky ? escapeHtml(risky.reasons.join(', ')) : ''}</td></tr>`;
    })
    .join('');
  return `<h2>Recommendations (推奨)</h2>
<h3>Allocation rule set (在庫配分ルール)</h3>
<p>Best of ${allocation.budget.candidates} candidates, each scored on the same ${allocation.budget.runsPerCandidate} runs (common random numbers), sync as in policy “${escapeHtml(allocation.sync)}”: <b>${escapeHtml(allocation.best.label)}</b>, expected cost ¥${Math.round(allocation.best.expectedCost).toLocaleString('en-US')} per run.</p>
<pre>${escapeHtml(JSON.stringify(allocation.best.ruleSet, null, 2))}</pre>
<table><tr><th>candidate</th><th>expected cost</th><th>mean lost</th><th>mean oversold</th></tr>${candidates}</table>
<h3>Replenishment (補充)</h3>
<p class="note">Target = simulated window demand at the critical ratio ${criticalRatio.toFixed(3)}; order = target − stock at the window's start − inbound in the window; order by = campaign start − lead time. Red rows are at risk.</p>
<table><tr><th>SKU</th><th>stock at start</th><th>inbound in window</th><th>target</th><th>order</th><th>lead time (days)</th><th>order by</th><th>risk</th></tr>${orders}</table>`;
}

function forecastSection(report: SimulationReport): string {
  const bySku = new Map<string, number>();
  for (const s of report.forecast.series) {
    bySku.set(s.sku, (bySku.get(s.sku) ?? 0) + s.forecast.reduce((sum, p) => sum + p.mean, 0));
  }
  const top = [...bySku.entries()].sort((a, b) => b[1] - a[1]).slice(0, FORECAST_CHARTS).map(([sku]) => sku);
  const charts = report.forecast.series
    .filter((s) => top.includes(s.sku))
    .sort((a, b) => top.indexOf(a.sku) - top.indexOf(b.sku) || (a.channel < b.channel ? -1 : 1))
    .map((s) => {
      const history = s.history.slice(-28);
      const future = s.forecast.slice(0, 28);
      const none = history.map(() => null);
      return lineChart({
        title: `${s.sku} · ${s.channel}: ${s.pattern}, ${s.method}`,
        xLabels: [...history.map((p) => p.date.slice(5)), ...future.map((p) => p.date.slice(5))],
        markers: [history.length],
        shaded: [...history.map((p) => p.promo), ...future.map(() => false)],
        width: 480,
        height: 200,
        series: [
          { label: 'sales', color: PALETTE[5], values: [...history.map((p) => p.units), ...future.map(() => null)] },
          {
            label: 'baseline / forecast (80 %)',
            color: PALETTE[4],
            values: [...history.map((p) => p.baseline), ...future.map((p) => p.mean)],
            band: { low: [...none, ...future.map((p) => p.low)], high: [...none, ...future.map((p) => p.high)] },
          },
          { label: 'seasonal naive', color: PALETTE[1], values: [...none, ...future.map((p) => p.seasonalNaive)], dashed: true },
        ],
      });
    });
  const uplifts = report.forecast.uplifts
    .map((u) => `<tr><td>${escapeHtml(u.channel)}</td><td>${escapeHtml(u.kind)}</td><td>${u.campaigns}</td><td>${u.pooled.toFixed(2)}</td></tr>`)
    .join('');
  return `<h2>Forecast (需要予測)</h2>
<p class="note">Baselines with promotions masked (shaded); the method follows each series' demand pattern (ADI/CV²); the dashed line is seasonal naive, the benchmark. Largest ${FORECAST_CHARTS} SKUs shown; report.json holds every series.</p>
<table><tr><th>channel</th><th>campaign kind</th><th>past campaigns</th><th>pooled uplift (反応度)</th></tr>${uplifts}</table>
<div style="display:flex;flex-wrap:wrap;gap:8px">${charts.join('')}</div>`;
}
