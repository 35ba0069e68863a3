// @ts-check
import { call, SIGNED_OUT } from './api.js';
import { find, h, replace } from './dom.js';
import { lang, loadLang, setLang, t } from './i18n.js';
import { connectLive } from './live.js';
import { channelsPage } from './pages/channels.js';
import { listingPage } from './pages/listing.js';
import { rulesPage } from './pages/rules.js';
import { signInPage } from './pages/sign-in.js';
import { simulationPage } from './pages/simulation.js';
import { stockPage } from './pages/stock.js';

/** @typedef {import('../types/api').SessionView} SessionView */
/** @typedef {import('../types/page').Page} Page */
/** @typedef {import('../types/page').PageFactory} PageFactory */

/** Hash routes (#/stock/TEA-1): the server serves one page, and a reload keeps the place. */
/** @type {Record<string, { label: string, page: PageFactory, inNav: boolean }>} */
const ROUTES = {
  stock: { label: 'nav.stock', page: stockPage, inNav: true },
  channels: { label: 'nav.channels', page: channelsPage, inNav: true },
  listing: { label: 'nav.listing', page: listingPage, inNav: false },
  rules: { label: 'nav.rules', page: rulesPage, inNav: true },
  simulation: { label: 'nav.simulation', page: simulationPage, inNav: true },
};

const main = find('#main', HTMLElement);
/** @type {SessionView | null} */
let session = null;
/** @type {Page} */
let page = {};
/** @type {(() => void) | null} */
let closeLive = null;

function route() {
  const [name = 'stock', ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return { name: name in ROUTES ? name : 'stock', params };
}

function renderChrome() {
  document.documentElement.lang = lang();
  document.title = t('app.title');
  find('#lang', HTMLButtonElement).textContent = lang() === 'ja' ? 'English' : '日本語';
  const signOut = find('#sign-out', HTMLButtonElement);
  signOut.hidden = session === null;
  signOut.textContent = t('nav.signOut');
  const current = route().name;
  replace(
    find('#nav', HTMLElement),
    session === null
      ? []
      : Object.entries(ROUTES)
          .filter(([, r]) => r.inNav)
          .map(([name, r]) => h('a', { href: `#/${name}`, class: name === current ? 'active' : null }, t(r.label))),
  );
}

function show() {
  page.dispose?.();
  page = {};
  renderChrome();
  if (session === null) {
    page = signInPage(main, { onSignedIn: (view) => signedIn(view) });
    return;
  }
  const { name, params } = route();
  replace(main);
  page = ROUTES[name].page(main, { session, params });
}

/** @param {import('./live.js').LiveState} state */
function showLiveState(state) {
  const badge = find('#live', HTMLElement);
  badge.dataset['state'] = state;
  badge.textContent = t(`live.${state}`);
}

/** @param {SessionView} view */
function signedIn(view) {
  session = view;
  closeLive?.();
  closeLive = connectLive(
    (event) => page.onEvent?.(event),
    (state, reconnected) => {
      showLiveState(state);
      if (reconnected) page.reload?.();
    },
  );
  if (!location.hash) location.hash = '#/stock';
  show();
}

function signedOut() {
  session = null;
  closeLive?.();
  closeLive = null;
  find('#live', HTMLElement).textContent = '';
  show();
}

async function start() {
  loadLang(window.localStorage);
  find('#lang', HTMLButtonElement).addEventListener('click', () => {
    setLang(lang() === 'ja' ? 'en' : 'ja', window.localStorage);
    show();
  });
  find('#sign-out', HTMLButtonElement).addEventListener('click', async () => {
    await call('DELETE', '/session').catch(() => undefined);
    signedOut();
  });
  window.addEventListener(SIGNED_OUT, () => session !== null && signedOut());
  window.addEventListener('hashchange', () => show());
  try {
    signedIn(await call('GET', '/session'));
  } catch {
    signedOut();
  }
}

void start();
