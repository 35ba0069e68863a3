// @ts-check
import { call } from '../api.js';
import { flash, h, replace } from '../dom.js';
import { formatDateTime, formatDuration, formatNumber } from '../format.js';
import { t } from '../i18n.js';
import { debounce } from '../live.js';
import { badge, errorBox, section, table } from '../widgets.js';

/** @typedef {import('../../types/api').SkuStock} SkuStock */
/** @typedef {import('../../types/api').ListingView} ListingView */
/** @typedef {import('../../types/api').AccountView} AccountView */

/**
 * One SKU: on hand, reserved and available per warehouse, and per channel listing what it shows,
 * when it was last synced and how long a change has waited. Updated in place from the live stream.
 * @param {HTMLElement} root
 * @param {string} sku
 * @returns {import('../../types/page').Page}
 */
export function skuDetail(root, sku) {
  const body = h('div', { id: 'sku-detail' });
  replace(root, h('p', {}, h('a', { href: '#/stock' }, `← ${t('stock.back')}`)), h('h1', {}, `${t('stock.sku')} ${sku}`), body);
  /** @type {Map<number, string>} listing id → the published figure last shown, to mark what changed */
  const shown = new Map();
  /** @type {Record<string, string>} account id → channel */
  let channels = {};

  async function load() {
    try {
      const [stock, listings, accounts] = await Promise.all([
        /** @type {Promise<SkuStock>} */ (call('GET', `/stock/${encodeURIComponent(sku)}`)),
        /** @type {Promise<{ items: ListingView[] }>} */ (call('GET', `/channels/listings?sku=${encodeURIComponent(sku)}&limit=1000`)),
        Object.keys(channels).length ? Promise.resolve(null) : /** @type {Promise<AccountView[]>} */ (call('GET', '/channels/accounts')),
      ]);
      if (accounts) channels = Object.fromEntries(accounts.map((a) => [a.id, a.connector]));
      replace(body, totals(stock), locations(stock), listingsSection(listings.items));
      for (const listing of listings.items) {
        const cell = body.querySelector(`[data-listing="${listing.id}"] [data-cell="published"]`);
        const value = String(listing.lastPublished);
        if (cell && shown.has(listing.id) && shown.get(listing.id) !== value) flash(cell);
        shown.set(listing.id, value);
      }
    } catch (error) {
      replace(body, errorBox(error));
    }
  }

  /** @param {SkuStock} stock */
  function totals(stock) {
    return h(
      'div',
      { class: 'figures' },
      figure(t('stock.onHand'), stock.onHand, 'on-hand'),
      figure(t('stock.reserved'), stock.reserved, 'reserved'),
      figure(t('stock.available'), stock.available, 'available'),
      figure(t('stock.backordered'), stock.backordered, 'backordered'),
    );
  }

  /** @param {SkuStock} stock */
  function locations(stock) {
    if (stock.kind === 'bundle') {
      return section(
        t('stock.components'),
        table(
          ['SKU', t('stock.perSet'), t('stock.available')],
          (stock.components ?? []).map((c) => h('tr', {}, h('td', {}, h('a', { href: `#/stock/${encodeURIComponent(c.sku)}` }, c.sku)), h('td', { class: 'num' }, formatNumber(c.quantity)), h('td', { class: 'num' }, formatNumber(c.available)))),
        ),
      );
    }
    return section(
      t('stock.perWarehouse'),
      table(
        [t('stock.location'), t('stock.sellable'), t('stock.onHand'), t('stock.reserved'), t('stock.available')],
        stock.locations.map((l) =>
          h(
            'tr',
            { 'data-location': l.location },
            h('td', {}, l.location, l.kind === 'channel_held' ? ` (${t('stock.channelHeld')})` : ''),
            h('td', {}, l.sellable ? t('yes') : t('no')),
            h('td', { class: 'num' }, formatNumber(l.onHand)),
            h('td', { class: 'num' }, formatNumber(l.reserved)),
            h('td', { class: 'num' }, formatNumber(l.available)),
          ),
        ),
        t('stock.noLocations'),
      ),
    );
  }

  /** @param {ListingView[]} items */
  function listingsSection(items) {
    return section(
      t('stock.perChannel'),
      table(
        [t('channels.account'), t('channels.channel'), t('listing.item'), t('listing.target'), t('listing.published'), t('listing.lastSynced'), t('listing.lag'), t('listing.state'), ''],
        items.map((l) =>
          h(
            'tr',
            { 'data-listing': l.id, 'data-account': l.account },
            h('td', {}, l.account),
            h('td', {}, channels[l.account] ?? '—'),
            h('td', {}, l.channelListingId),
            h('td', { class: 'num', 'data-cell': 'target' }, formatNumber(l.target)),
            h('td', { class: 'num', 'data-cell': 'published' }, formatNumber(l.lastPublished)),
            h('td', {}, formatDateTime(l.lastPublishedAt)),
            h('td', {}, l.owed ? formatDuration(l.lagMs) : t('listing.inSync')),
            h('td', {}, listingState(l)),
            h('td', {}, h('a', { href: `#/listing/${l.id}` }, t('listing.history'))),
          ),
        ),
        t('stock.noListings'),
      ),
    );
  }

  const reload = debounce(load, 200);
  void load();
  return {
    onEvent: (event) => {
      if (event.type === 'listings' || event.sku === sku) reload();
    },
    reload: load,
  };
}

/**
 * @param {string} label
 * @param {number} value
 * @param {string} name
 */
function figure(label, value, name) {
  return h('div', { class: 'figure', 'data-figure': name }, h('span', { class: 'label' }, label), h('strong', {}, formatNumber(value)));
}

/** @param {ListingView} listing */
export function listingState(listing) {
  if (listing.deadLetter) return badge(t('listing.deadLetter'), 'bad');
  if (!listing.active) return badge(t('listing.inactive'), 'warn');
  if (listing.stopped) return badge(t('listing.stopped'), 'warn');
  if (listing.owed) return badge(listing.failures > 0 ? t('listing.retrying', { n: listing.failures }) : t('listing.owed'), 'info');
  return badge(t('listing.synced'), 'ok');
}
