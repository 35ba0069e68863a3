// @ts-check
import { call } from '../api.js';
import { h, replace } from '../dom.js';
import { formatNumber } from '../format.js';
import { lang, t } from '../i18n.js';
import { debounce } from '../live.js';
import { badge, errorBox, riskList, table } from '../widgets.js';
import { skuDetail } from './stock-detail.js';

/** @typedef {import('../../types/api').StockOverview} StockOverview */

const FILTERS = ['', 'low-stock', 'dead-letter', 'drift', 'at-risk'];

/**
 * SKU search and filters; one SKU's stock per warehouse and per channel listing (#/stock/SKU).
 * @type {import('../../types/page').PageFactory}
 */
export function stockPage(root, { params }) {
  if (params[0]) return skuDetail(root, params[0]);
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const search = h('input', { type: 'search', id: 'sku-search', placeholder: t('stock.searchHint'), value: query.get('search') ?? '' });
  const filter = h('select', { id: 'stock-filter' }, FILTERS.map((f) => h('option', { value: f }, t(`stock.filter.${f || 'all'}`))));
  filter.value = query.get('filter') ?? '';
  const results = h('div', { id: 'stock-results' });
  replace(root, h('h1', {}, t('stock.title')), h('form', { class: 'toolbar', role: 'search' }, search, filter), results);

  let sequence = 0;
  async function load() {
    const mine = ++sequence;
    const params = new URLSearchParams({ limit: '100', lang: lang() });
    if (search.value.trim()) params.set('search', search.value.trim());
    if (filter.value) params.set('filter', filter.value);
    try {
      const overview = /** @type {StockOverview} */ (await call('GET', `/stock-overview?${params}`));
      // A slower answer to an older query must not overwrite the newer one.
      if (mine === sequence) replace(results, overviewTable(overview));
    } catch (error) {
      if (mine === sequence) replace(results, errorBox(error));
    }
  }
  const reload = debounce(load, 300);
  search.addEventListener('input', reload);
  filter.addEventListener('change', load);
  root.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  void load();
  search.focus();
  return { onEvent: (event) => event.type !== 'publish' && reload(), reload: load };
}

/** @param {StockOverview} overview */
function overviewTable(overview) {
  const rows = overview.items.map((item) =>
    h(
      'tr',
      { 'data-sku': item.sku },
      h('td', {}, h('a', { href: `#/stock/${encodeURIComponent(item.sku)}` }, item.sku)),
      h('td', {}, item.name, item.kind === 'bundle' ? ` (${t('stock.bundle')})` : ''),
      h('td', { class: 'num' }, formatNumber(item.onHand)),
      h('td', { class: 'num' }, formatNumber(item.reserved)),
      h('td', { class: 'num', 'data-cell': 'available' }, formatNumber(item.available), item.lowStock ? [' ', badge(t('stock.low'), 'warn')] : []),
      h('td', { class: 'num' }, formatNumber(item.listings.total)),
      h('td', { class: 'num' }, item.listings.owed ? badge(formatNumber(item.listings.owed), 'info') : '0'),
      h('td', { class: 'num' }, item.listings.deadLetters ? badge(formatNumber(item.listings.deadLetters), 'bad') : '0'),
      h('td', { class: 'num' }, item.listings.drifting ? badge(formatNumber(item.listings.drifting), 'warn') : '0'),
      h('td', { 'data-cell': 'risks' }, item.risks.length > 0 ? riskList(item.risks) : h('span', { class: 'muted' }, '—')),
    ),
  );
  return h(
    'div',
    {},
    h('p', { class: 'muted' }, t('stock.count', { n: formatNumber(overview.total), threshold: formatNumber(overview.lowStockThreshold) })),
    table(
      ['SKU', t('stock.name'), t('stock.onHand'), t('stock.reserved'), t('stock.available'), t('stock.listings'), t('stock.owed'), t('stock.deadLetters'), t('stock.drifting'), t('stock.risks')],
      rows,
      t('stock.none'),
    ),
  );
}
