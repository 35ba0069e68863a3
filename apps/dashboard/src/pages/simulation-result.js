// @ts-check
import { ApiError, API, call } from '../api.js';
import { lineChart } from '../chart.js';
import { confirmAction } from '../confirm.js';
import { h, replace } from '../dom.js';
import { formatNumber, formatYen } from '../format.js';
import { t } from '../i18n.js';
import { errorBox, section, table } from '../widgets.js';

/** @typedef {import('../../types/api').SimulationJob} SimulationJob */
/** @typedef {import('../../types/api').SimulationReport} SimulationReport */
/** @typedef {import('../../types/api').Spread} Spread */

/** @param {Spread} s */
const spread = (s) => `${formatNumber(s.p50)} (${formatNumber(s.p5)}–${formatNumber(s.p95)})`;

/**
 * A completed simulation: the policy comparison, the stock each channel shows over the window, and
 * the recommended rule set with the way to apply it.
 * @param {SimulationJob} job
 * @param {SimulationReport} report
 * @param {boolean} isAdmin
 */
export function simulationResult(job, report, isAdmin) {
  const chartBox = h('div', { id: 'simulation-chart' });
  const policy = h('select', { id: 'chart-policy' }, report.policies.map((p, i) => h('option', { value: i }, p.name)));
  const drawChart = () => {
    const chosen = report.policies[Number(policy.value)] ?? report.policies[0];
    replace(
      chartBox,
      lineChart({
        title: t('simulation.chartTitle', { policy: chosen.name }),
        xLabel: t('simulation.hours', { n: formatNumber(report.window.hours) }),
        series: [
          ...chosen.shownByHour.map((band) => ({ name: band.channel, values: band.p50 })),
          { name: t('simulation.physical'), values: chosen.physicalByHour.p50 },
        ],
      }),
    );
  };
  policy.addEventListener('change', drawChart);
  drawChart();

  const best = report.recommendations.allocation.best;
  const applied = h('p', { id: 'apply-result', role: 'status' });
  const apply = h('button', { type: 'button', id: 'apply-recommended', disabled: !isAdmin, title: isAdmin ? null : t('rules.adminOnly') }, t('simulation.apply'));
  apply.addEventListener('click', async () => {
    if (!(await confirmAction(t('simulation.applyConfirm', { label: best.label })))) return;
    try {
      const activated = /** @type {{ id: number }} */ (await call('PUT', '/rules', { json: best.ruleSet }));
      replace(applied, t('rules.activated', { id: formatNumber(activated.id) }), ' ', h('a', { href: '#/rules' }, t('nav.rules')));
    } catch (error) {
      replace(applied, errorBox(error instanceof ApiError ? error : new Error(String(error))));
    }
  });

  return h(
    'div',
    { id: 'simulation-result' },
    h('p', {}, h('a', { href: `${API}/simulations/${encodeURIComponent(job.id)}/report.html`, target: '_blank', rel: 'noopener', id: 'report-link' }, t('simulation.report'))),
    section(
      t('simulation.comparison'),
      table(
        [t('simulation.policy'), t('simulation.sold'), t('simulation.turnedAway'), t('simulation.lost'), t('simulation.oversold'), t('simulation.leftover'), t('simulation.cost')],
        report.policies.map((p) =>
          h(
            'tr',
            {},
            h('td', {}, p.name),
            h('td', { class: 'num' }, spread(p.sold)),
            h('td', { class: 'num' }, spread(p.turnedAway)),
            h('td', { class: 'num' }, spread(p.lost)),
            h('td', { class: 'num' }, spread(p.oversold)),
            h('td', { class: 'num' }, spread(p.leftover)),
            h('td', { class: 'num' }, formatYen(p.cost.mean)),
          ),
        ),
      ),
      h('p', { class: 'muted' }, t('simulation.spreadNote', { runs: formatNumber(report.runs) })),
    ),
    section(t('simulation.shown'), h('label', {}, t('simulation.policy'), ' ', policy), chartBox),
    section(
      t('simulation.recommended'),
      h('p', {}, t('simulation.recommendation', { label: best.label, cost: formatYen(best.expectedCost), sync: report.recommendations.allocation.sync })),
      h('pre', { class: 'code' }, JSON.stringify(best.ruleSet, null, 2)),
      apply,
      applied,
    ),
  );
}
