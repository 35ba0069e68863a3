// @ts-check
import { call } from '../api.js';
import { h, replace } from '../dom.js';
import { formatDateTime, formatDuration, formatNumber } from '../format.js';
import { lang, t } from '../i18n.js';
import { debounce } from '../live.js';
import { errorBox, section, table, trace } from '../widgets.js';
import { listingState } from './stock-detail.js';

/** @typedef {import('../../types/api').ListingView} ListingView */
/** @typedef {import('../../types/api').PublishView} PublishView */

/**
 * Why a listing showed what it showed: every value a channel accepted, newest first, each with the
 * rule engine's trace as it was when the value was computed.
 * @type {import('../../types/page').PageFactory}
 */
export function listingPage(root, { params }) {
  const id = Number(params[0]);
  const body = h('div', { id: 'listing-detail' });
  replace(root, h('h1', {}, t('listing.title', { id: formatNumber(id) })), body);

  async function load() {
    try {
      const [listing, history] = await Promise.all([
        /** @type {Promise<ListingView>} */ (call('GET', `/channels/listings/${id}?lang=${lang()}`)),
        /** @type {Promise<{ items: PublishView[] }>} */ (call('GET', `/channels/listings/${id}/history?lang=${lang()}&limit=200`)),
      ]);
      replace(body, summary(listing), section(t('listing.why'), trace(listing.why)), historySection(history.items));
    } catch (error) {
      replace(body, errorBox(error));
    }
  }

  const reload = debounce(load, 200);
  void load();
  return {
    onEvent: (event) => {
      if ((event.type === 'publish' && event.listingId === id) || event.type === 'listings') reload();
    },
    reload: load,
  };
}

/** @param {ListingView} l */
function summary(l) {
  /** @type {Array<[string, import('../dom.js').Child]>} */
  const facts = [
    [t('channels.account'), l.account],
    [t('listing.item'), l.channelListingId],
    ['SKU', h('a', { href: `#/stock/${encodeURIComponent(l.sku)}` }, l.sku)],
    [t('listing.target'), `${formatNumber(l.target)} (v${l.targetVersion})`],
    [t('listing.published'), `${formatNumber(l.lastPublished)} (v${l.publishedVersion})`],
    [t('listing.lastSynced'), formatDateTime(l.lastPublishedAt)],
    [t('listing.lag'), l.owed ? formatDuration(l.lagMs) : t('listing.inSync')],
    [t('listing.state'), listingState(l)],
    [t('listing.lastError'), l.lastError ?? '—'],
  ];
  return h('dl', { class: 'facts' }, facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** @param {PublishView[]} items */
function historySection(items) {
  return section(
    t('listing.history'),
    table(
      [t('listing.at'), t('listing.value'), t('listing.version'), t('listing.latency'), t('listing.why')],
      items.map((r) =>
        h(
          'tr',
          {},
          h('td', {}, formatDateTime(r.at)),
          h('td', { class: 'num' }, formatNumber(r.value)),
          h('td', { class: 'num' }, `v${r.version}`),
          h('td', { class: 'num' }, formatDuration(r.latencyMs)),
          h('td', {}, trace(r.why)),
        ),
      ),
      t('listing.noHistory'),
      { id: 'listing-history' },
    ),
  );
}
