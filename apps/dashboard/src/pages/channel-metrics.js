// @ts-check
import { h } from '../dom.js';
import { formatDuration, formatNumber } from '../format.js';
import { t } from '../i18n.js';
import { table } from '../widgets.js';

/** @typedef {import('../../types/api').SyncMetrics} SyncMetrics */

const LATENCIES = /** @type {const} */ (['ingest', 'push', 'end_to_end']);
const COUNTERS = ['pushes', 'push_failures', 'rate_limited', 'retries', 'dead_letters', 'stale_pushes', 'drift_found', 'drift_repaired', 'orders_ingested'];

/**
 * One account's latencies, counters and queue depth from GET /sync/metrics; every figure is "—"
 * where the service does not publish metrics (the route answers 404) or has none for the account.
 * @param {SyncMetrics | null} metrics
 * @param {string} account
 */
export function accountMetrics(metrics, account) {
  const latency = (/** @type {string} */ metric) => metrics?.latency.find((l) => l.metric === metric && l.account === account);
  const counter = (/** @type {string} */ metric) => metrics?.counters.find((c) => c.metric === metric && c.account === account)?.value;
  const queue = metrics?.queues?.find((q) => q.queue === `sync-push-${account}`);
  const attempts = (counter('pushes') ?? 0) + (counter('push_failures') ?? 0);
  /** @param {number | undefined} part */
  const rate = (part) => (metrics && attempts > 0 ? `${formatNumber(Math.round(((part ?? 0) / attempts) * 1000) / 10)} %` : '—');
  return h(
    'div',
    { class: 'metrics', 'data-metrics': metrics ? 'available' : 'missing' },
    table(
      [t('metrics.latency'), t('metrics.count'), 'p50', 'p95', 'p99'],
      LATENCIES.map((metric) => {
        const series = latency(metric);
        return h(
          'tr',
          { 'data-latency': metric },
          h('td', {}, t(`metrics.${metric}`)),
          h('td', { class: 'num', 'data-cell': 'count' }, series ? formatNumber(series.count) : '—'),
          h('td', { class: 'num', 'data-cell': 'p50' }, series ? formatDuration(series.p50Ms) : '—'),
          h('td', { class: 'num', 'data-cell': 'p95' }, series ? formatDuration(series.p95Ms) : '—'),
          h('td', { class: 'num', 'data-cell': 'p99' }, series ? formatDuration(series.p99Ms) : '—'),
        );
      }),
    ),
    h(
      'dl',
      { class: 'facts compact' },
      [
        ['queue', t('metrics.queue'), queue ? formatNumber((queue.jobs['waiting'] ?? 0) + (queue.jobs['delayed'] ?? 0) + (queue.jobs['active'] ?? 0)) : '—'],
        ['error_rate', t('metrics.errorRate'), rate(counter('push_failures'))],
        ['rate_limit_rate', t('metrics.rateLimitRate'), rate(counter('rate_limited'))],
        ...COUNTERS.map((name) => [name, t(`metrics.${name}`), metrics ? formatNumber(counter(name) ?? 0) : '—']),
      ].flatMap(([figure, term, value]) => [h('dt', {}, term), h('dd', { 'data-figure': figure }, value)]),
    ),
  );
}
