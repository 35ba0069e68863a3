// @ts-check
import { call, getOptional } from '../api.js';
import { confirmAction } from '../confirm.js';
import { h, replace } from '../dom.js';
import { formatDateTime, formatNumber } from '../format.js';
import { t } from '../i18n.js';
import { debounce } from '../live.js';
import { badge, errorBox, table } from '../widgets.js';
import { accountMetrics } from './channel-metrics.js';

/** @typedef {import('../../types/api').AccountView} AccountView */
/** @typedef {import('../../types/api').ReconciliationRun} ReconciliationRun */
/** @typedef {import('../../types/api').UnmappedLine} UnmappedLine */
/** @typedef {import('../../types/api').ListingView} ListingView */
/** @typedef {import('../../types/api').SyncMetrics} SyncMetrics */
/** @typedef {import('../../types/api').DiscoveryReport} DiscoveryReport */

/**
 * @typedef {object} AccountHealth
 * @property {AccountView} account
 * @property {ReconciliationRun | undefined} lastRun
 * @property {UnmappedLine[]} unmapped
 * @property {ListingView[]} deadLetters
 */

/**
 * Health per channel account, and what an operator does about it: retry dead letters, reconcile,
 * check the channel's listing settings, pull the emergency brake.
 * @type {import('../../types/page').PageFactory}
 */
export function channelsPage(root, { session }) {
  const canWrite = session.scopes.some((s) => s === 'write' || s === 'admin');
  const body = h('div', { id: 'accounts' });
  replace(root, h('h1', {}, t('channels.title')), body);
  /** @type {Map<string, DiscoveryReport>} settings warnings from the last check, per account */
  const settings = new Map();

  async function load() {
    try {
      const [accounts, metrics] = await Promise.all([
        /** @type {Promise<AccountView[]>} */ (call('GET', '/channels/accounts')),
        /** @type {Promise<SyncMetrics | null>} */ (getOptional('/sync/metrics')).catch(() => null),
      ]);
      const health = await Promise.all(accounts.map(healthOf));
      replace(body, health.length === 0 ? h('p', { class: 'empty' }, t('channels.none')) : health.map((one) => card(one, metrics)));
    } catch (error) {
      replace(body, errorBox(error));
    }
  }

  /**
   * @param {AccountView} account
   * @returns {Promise<AccountHealth>}
   */
  async function healthOf(account) {
    const id = encodeURIComponent(account.id);
    const [runs, unmapped, dead] = await Promise.all([
      /** @type {Promise<{ items: ReconciliationRun[] }>} */ (call('GET', `/channels/accounts/${id}/reconciliations`)),
      /** @type {Promise<{ items: UnmappedLine[] }>} */ (call('GET', `/channels/accounts/${id}/unmapped`)),
      /** @type {Promise<{ items: ListingView[] }>} */ (call('GET', `/channels/listings?account=${id}&state=dead-letter&limit=100`)),
    ]);
    return { account, lastRun: runs.items[0], unmapped: unmapped.items, deadLetters: dead.items };
  }

  /**
   * @param {string} path
   * @param {unknown} [json]
   */
  async function act(path, json) {
    try {
      await call('POST', path, json === undefined ? {} : { json });
    } catch (error) {
      body.prepend(errorBox(error));
      return;
    }
    await load();
  }

  /**
   * @param {AccountHealth} health
   * @param {SyncMetrics | null} metrics
   */
  function card({ account, lastRun, unmapped, deadLetters }, metrics) {
    const id = encodeURIComponent(account.id);
    const reason = h('input', { type: 'text', name: 'reason', placeholder: t('channels.stopReason'), required: true, maxlength: 255 });
    const brake = account.stopped
      ? h('button', { type: 'button', class: 'resume', onclick: () => void act(`/channels/accounts/${id}/resume`) }, t('channels.resume'))
      : h(
          'form',
          {
            class: 'inline',
            onsubmit: async (/** @type {Event} */ event) => {
              event.preventDefault();
              if (await confirmAction(t('channels.stopConfirm', { account: account.displayName }))) await act(`/channels/accounts/${id}/stop`, { reason: reason.value });
            },
          },
          reason,
          h('button', { type: 'submit', class: 'danger' }, t('channels.stop')),
        );
    const checked = settings.get(account.id);
    return h(
      'article',
      { class: 'card account', 'data-account': account.id },
      h(
        'header',
        {},
        h('h2', {}, account.displayName, ' ', h('small', { class: 'muted' }, `${account.id} · ${account.connector}`)),
        account.stopped ? badge(t('channels.stopped'), 'bad') : account.cutoverAt ? badge(t('channels.running'), 'ok') : badge(t('channels.cutover'), 'info'),
      ),
      warnings(account, lastRun, unmapped, checked),
      h(
        'div',
        { class: 'columns' },
        h(
          'dl',
          { class: 'facts compact' },
          [
            [t('channels.listings'), formatNumber(account.listings.total)],
            [t('channels.active'), formatNumber(account.listings.active)],
            [t('stock.owed'), formatNumber(account.listings.owed)],
            [t('stock.deadLetters'), formatNumber(account.listings.deadLetters)],
            [t('channels.stoppedListings'), formatNumber(account.listings.stopped)],
            [t('channels.inactive'), formatNumber(account.listings.inactive)],
            [t('channels.unmapped'), formatNumber(account.unmappedOrderLines)],
            [t('channels.caughtUp'), formatDateTime(account.ordersCaughtUpAt)],
            [t('channels.lastReconciled'), lastRun ? formatDateTime(lastRun.finishedAt ?? lastRun.startedAt) : '—'],
            [t('channels.drift'), lastRun ? t('channels.driftFigures', { checked: formatNumber(lastRun.checked), drifted: formatNumber(lastRun.drifted), repaired: formatNumber(lastRun.repaired) }) : '—'],
          ].flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
        ),
        accountMetrics(metrics, account.id),
      ),
      deadLetters.length > 0
        ? h(
            'div',
            {},
            h('h3', {}, t('stock.deadLetters')),
            table(
              ['SKU', t('listing.item'), t('listing.failures'), t('listing.lastError'), ''],
              deadLetters.map((l) =>
                h(
                  'tr',
                  { 'data-listing': l.id },
                  h('td', {}, h('a', { href: `#/listing/${l.id}` }, l.sku)),
                  h('td', {}, l.channelListingId),
                  h('td', { class: 'num' }, formatNumber(l.failures)),
                  h('td', { class: 'wrap' }, l.lastError ?? '—'),
                  h('td', {}, canWrite ? h('button', { type: 'button', onclick: () => void act(`/channels/listings/${l.id}/retry`) }, t('channels.retry')) : ''),
                ),
              ),
            ),
          )
        : null,
      unmapped.length > 0
        ? h(
            'details',
            {},
            h('summary', {}, t('channels.unmappedLines', { n: formatNumber(unmapped.length) })),
            table(
              [t('channels.order'), t('listing.item'), t('channels.quantity'), t('channels.firstSeen')],
              unmapped.map((u) => h('tr', {}, h('td', {}, `${u.orderId} / ${u.lineId}`), h('td', {}, u.channelListingId), h('td', { class: 'num' }, formatNumber(u.quantity - u.cancelled - u.shipped)), h('td', {}, formatDateTime(u.firstSeenAt)))),
            ),
          )
        : null,
      canWrite
        ? h(
            'footer',
            { class: 'actions' },
            brake,
            h('button', { type: 'button', class: 'quiet', onclick: () => void act(`/channels/accounts/${id}/reconcile`, { repair: true }) }, t('channels.reconcile')),
            h(
              'button',
              {
                type: 'button',
                class: 'quiet',
                onclick: async () => {
                  try {
                    settings.set(account.id, /** @type {DiscoveryReport} */ (await call('POST', `/channels/accounts/${id}/discover`)));
                  } catch (error) {
                    body.prepend(errorBox(error));
                  }
                  await load();
                },
              },
              t('channels.discover'),
            ),
          )
        : null,
    );
  }

  const reload = debounce(load, 500);
  void load();
  return { onEvent: (event) => event.type !== 'movement' && reload(), reload: load };
}

/**
 * What needs an operator's eye on this account, most urgent first.
 * @param {AccountView} account
 * @param {ReconciliationRun | undefined} lastRun
 * @param {UnmappedLine[]} unmapped
 * @param {DiscoveryReport | undefined} checked
 */
function warnings(account, lastRun, unmapped, checked) {
  /** @type {string[]} */
  const found = [];
  if (account.stopped) found.push(t('warn.stopped', { reason: account.stoppedReason ?? '—' }));
  if (!account.cutoverAt) found.push(t('warn.cutover'));
  if (account.listings.deadLetters > 0) found.push(t('warn.deadLetters', { n: formatNumber(account.listings.deadLetters) }));
  if (unmapped.length > 0) found.push(t('warn.unmapped', { n: formatNumber(unmapped.length) }));
  if (account.listings.inactive > 0) found.push(t('warn.inactive', { n: formatNumber(account.listings.inactive) }));
  if (lastRun && lastRun.drifted > lastRun.repaired) found.push(t('warn.drift', { n: formatNumber(lastRun.drifted - lastRun.repaired), reason: lastRun.skippedReason ?? '—' }));
  for (const warning of checked?.warnings ?? []) found.push(t('warn.setting', { item: warning.listingId, message: warning.message, fix: warning.fix }));
  if (checked?.warningsError) found.push(t('warn.settingsUnknown', { error: checked.warningsError }));
  if (found.length === 0) return null;
  return h('ul', { class: 'warnings' }, found.map((text) => h('li', {}, text)));
}
