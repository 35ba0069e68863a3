// @ts-check
import { call } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDateTime, formatNumber } from '../format.js';
import { t } from '../i18n.js';
import { errorBox } from '../widgets.js';
import { simulationResult } from './simulation-result.js';

/** @typedef {import('../../types/api').SimulationJob} SimulationJob */

const FILES = /** @type {const} */ (['history', 'plan', 'campaigns', 'stock', 'inbound']);
const REQUIRED = new Set(['history', 'plan']);
const POLL_MS = 1000;
// The last simulation of this browser tab, so a reload keeps following it.
const LAST_JOB = 'urikiri.simulation';

/**
 * Upload a sales history and a plan, run the promotion simulation as a job, follow its progress,
 * then compare policies and apply the recommended rule set.
 * @type {import('../../types/page').PageFactory}
 */
export function simulationPage(root, { session }) {
  const isAdmin = session.scopes.includes('admin');
  const inputs = Object.fromEntries(FILES.map((name) => [name, h('input', { type: 'file', id: `file-${name}`, name, accept: name === 'plan' ? '.yaml,.yml,.json' : '.csv,text/csv', required: REQUIRED.has(name) })]));
  const runs = h('input', { type: 'number', id: 'sim-runs', min: 1, max: 100000, placeholder: t('simulation.runsHint') });
  const progress = h('progress', { id: 'sim-progress', max: 100, value: 0, hidden: true });
  const state = h('p', { id: 'sim-state', role: 'status' });
  const output = h('div', { id: 'sim-output' });
  const form = h(
    'form',
    { class: 'card upload' },
    FILES.map((name) => h('label', {}, t(`simulation.file.${name}`), REQUIRED.has(name) ? ' *' : '', inputs[name])),
    h('label', {}, t('simulation.runs'), runs),
    h('button', { type: 'submit', id: 'run-simulation' }, t('simulation.run')),
  );
  replace(root, h('h1', {}, t('simulation.title')), h('p', { class: 'muted' }, t('simulation.explain')), form, progress, state, output);

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let disposed = false;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearTimeout(timer);
    replace(output);
    /** @type {Record<string, unknown>} */
    const body = {};
    for (const name of FILES) {
      const file = inputs[name].files?.[0];
      if (file) body[name] = await file.text();
    }
    if (runs.value) body['runs'] = Number(runs.value);
    try {
      const job = /** @type {SimulationJob} */ (await call('POST', '/simulations', { json: body }));
      sessionStorage.setItem(LAST_JOB, job.id);
      follow(job);
    } catch (error) {
      replace(output, errorBox(error));
    }
  });

  /** @param {SimulationJob} job */
  function follow(job) {
    if (disposed) return;
    progress.hidden = false;
    progress.value = job.progress.percent;
    state.textContent = t(`simulation.state.${job.state}`, {
      percent: formatNumber(job.progress.percent),
      stage: job.progress.stage ? t(`simulation.stage.${job.progress.stage}`) : '',
      done: formatNumber(job.progress.runsDone),
      total: formatNumber(job.progress.runsTotal),
      at: formatDateTime(job.submittedAt),
    });
    if (job.state === 'completed' && job.report) return replace(output, simulationResult(job, job.report, isAdmin));
    if (job.state === 'failed') return replace(output, errorBox(new Error(job.error ?? 'failed')));
    timer = setTimeout(async () => {
      try {
        follow(/** @type {SimulationJob} */ (await call('GET', `/simulations/${encodeURIComponent(job.id)}`)));
      } catch (error) {
        replace(output, errorBox(error));
      }
    }, POLL_MS);
  }

  const last = sessionStorage.getItem(LAST_JOB);
  if (last) {
    call('GET', `/simulations/${encodeURIComponent(last)}`)
      .then((job) => follow(/** @type {SimulationJob} */ (job)))
      .catch(() => sessionStorage.removeItem(LAST_JOB));
  }
  return {
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
