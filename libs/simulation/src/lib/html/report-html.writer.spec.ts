import { syntheticHistory } from '../../../test/synthetic-sales';
import { parsePlan } from '../input/plan.parser';
import { tokyoDayNumber } from '../input/tokyo-time';
import { runSimulation } from '../report/run-simulation';
import { renderReportHtml } from './report-html.writer';

// Names come from the operator's files, and the page is served by the API: they must stay text.
const SKU = 'TEE<script>&"x"';
const POLICY = 'event <i>driven</i>';

const history = syntheticHistory(
  [{ sku: SKU, baseline: { rakuten: 6, amazon: 4 } }],
  [{ id: 'rakuten', kind: 'mall-wide-sale', uplift: 2, campaignDays: [30, 60, 90] }],
  tokyoDayNumber(Date.parse('2026-08-01T00:00:00+09:00')),
  120,
  3,
);

function plan() {
  const parsed = parsePlan(`
runs: 4
window: { from: 2026-12-04T20:00, to: 2026-12-05T02:00 }
promotions: [{ id: ss, channels: [rakuten], kind: mall-wide-sale, from: 2026-12-04T20:00, to: 2026-12-05T02:00 }]
channels: { rakuten: {}, amazon: {} }
policies:
  - name: '${POLICY}'
    sync: { mode: event-driven }
    rules: { version: 1, mode: shared, rules: [{ id: all, shares: { rakuten: 100, amazon: 100 } }] }
search: { candidates: 2, runsPerCandidate: 2 }
`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.plan;
}

describe('renderReportHtml', () => {
  const report = runSimulation({
    history: history.rows,
    campaigns: history.campaigns,
    stock: [{ sku: SKU, onHand: 20, leadTimeDays: 5 }],
    inbound: [],
    plan: plan(),
  });
  const html = renderReportHtml(report);

  it('is one self-contained page: no script, nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(/i);
  });

  it('shows SKU and policy names as text, never as markup', () => {
    expect(html).toContain('TEE&#60;script&#62;&#38;&#34;x&#34;');
    expect(html).toContain('event &#60;i&#62;driven&#60;/i&#62;');
    expect(html).not.toContain('<i>driven');
  });

  it('has every section, with a chart of stock over time and of stock-out probability per policy', () => {
    for (const heading of ['Policies compared', 'Stock over time per channel', 'Stock-out probability', 'Recommendations', 'Forecast']) {
      expect(html).toContain(`<h2>${heading}`);
    }
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(2 * report.policies.length);
  });
});
