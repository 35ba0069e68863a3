// @ts-check
import { ApiError, call } from '../api.js';
import { confirmAction } from '../confirm.js';
import { h, replace } from '../dom.js';
import { formatDateTime, formatNumber } from '../format.js';
import { lang, t } from '../i18n.js';
import { lineOfPath } from '../issue-lines.js';
import { debounce } from '../live.js';
import { badge, errorBox, riskList, section, table, trace } from '../widgets.js';
import { toYaml } from '../yaml-emit.js';

/** @typedef {import('../../types/api').ActiveRules} ActiveRules */
/** @typedef {import('../../types/api').RulePreview} RulePreview */
/** @typedef {import('../../types/api').FieldIssue} FieldIssue */

const RULE_SET_PREFIX = /^ruleSet\.?/;

/**
 * The rule set in force, editable as YAML or JSON. Every edit is checked by the server's own parser
 * (POST /rules/preview) and, for the chosen SKU, previewed on its real stock and listings with the
 * engine's trace, before anything is activated.
 * @type {import('../../types/page').PageFactory}
 */
export function rulesPage(root, { session }) {
  const isAdmin = session.scopes.includes('admin');
  const editor = h('textarea', { id: 'rules-editor', spellcheck: 'false', rows: 28, 'aria-label': t('rules.editor') });
  const issues = h('ul', { id: 'rule-issues', class: 'issues', 'aria-live': 'polite' });
  const status = h('p', { id: 'rules-status', class: 'muted' });
  const sku = h('input', { type: 'search', id: 'preview-sku', placeholder: t('rules.skuHint') });
  const preview = h('div', { id: 'rule-preview' });
  const asYaml = h('button', { type: 'button', class: 'quiet', 'aria-pressed': 'true' }, 'YAML');
  const asJson = h('button', { type: 'button', class: 'quiet', 'aria-pressed': 'false' }, 'JSON');
  const activate = h('button', { type: 'button', id: 'activate-rules', disabled: !isAdmin, title: isAdmin ? null : t('rules.adminOnly') }, t('rules.activate'));
  const active = h('p', { id: 'rules-active', class: 'muted' });
  const activated = h('p', { id: 'rules-activated', role: 'status' });
  /** @type {unknown} the last rule set the server accepted, for switching between YAML and JSON */
  let lastValid = null;

  replace(
    root,
    h('h1', {}, t('rules.title')),
    active,
    activated,
    h('div', { class: 'toolbar' }, h('span', { class: 'segmented' }, asYaml, asJson), h('label', {}, t('rules.previewFor'), ' ', sku), activate),
    h('div', { class: 'columns rules' }, h('div', {}, editor, status, issues), preview),
  );

  /** @param {FieldIssue[]} found */
  function showIssues(found) {
    editor.setAttribute('aria-invalid', found.length > 0 ? 'true' : 'false');
    replace(
      issues,
      found.map((issue) => {
        const path = issue.path.replace(RULE_SET_PREFIX, '');
        const line = lineOfPath(editor.value, path);
        return h(
          'li',
          { 'data-path': path, 'data-line': line ?? '' },
          h('button', { type: 'button', class: 'link', onclick: () => line && selectLine(line) }, line ? t('rules.line', { n: line }) : t('rules.document')),
          ' ',
          h('code', {}, path || '(rule set)'),
          ': ',
          issue.message,
        );
      }),
    );
  }

  /** @param {number} line */
  function selectLine(line) {
    const rows = editor.value.split('\n');
    const start = rows.slice(0, line - 1).reduce((sum, row) => sum + row.length + 1, 0);
    editor.focus();
    editor.setSelectionRange(start, start + rows[line - 1].length);
  }

  let sequence = 0;
  async function check() {
    const mine = ++sequence;
    status.textContent = t('rules.checking');
    try {
      const answer = /** @type {RulePreview} */ (
        await call('POST', '/rules/preview', { json: { ruleSet: editor.value, lang: lang(), ...(sku.value.trim() ? { sku: sku.value.trim() } : {}) } })
      );
      if (mine !== sequence) return;
      lastValid = answer.ruleSet;
      showIssues([]);
      status.textContent = t('rules.valid', { version: formatNumber(answer.ruleSetVersion) });
      replace(preview, answer.sku ? previewOf(answer) : h('p', { class: 'empty' }, t('rules.chooseSku')));
    } catch (error) {
      if (mine !== sequence) return;
      if (error instanceof ApiError && error.status === 400 && error.body.issues?.some((i) => RULE_SET_PREFIX.test(i.path))) {
        status.textContent = t('rules.invalid', { n: formatNumber(error.body.issues.length) });
        showIssues(error.body.issues);
        replace(preview);
      } else {
        status.textContent = '';
        showIssues([]);
        replace(preview, errorBox(error));
      }
    }
  }
  const checkSoon = debounce(() => void check(), 350);
  editor.addEventListener('input', checkSoon);
  sku.addEventListener('input', checkSoon);

  /** @param {'yaml' | 'json'} format */
  function show(format) {
    if (lastValid === null) return;
    editor.value = format === 'yaml' ? toYaml(lastValid) : `${JSON.stringify(lastValid, null, 2)}\n`;
    asYaml.setAttribute('aria-pressed', String(format === 'yaml'));
    asJson.setAttribute('aria-pressed', String(format === 'json'));
  }
  asYaml.addEventListener('click', () => show('yaml'));
  asJson.addEventListener('click', () => show('json'));

  activate.addEventListener('click', async () => {
    if (!(await confirmAction(t('rules.activateConfirm')))) return;
    try {
      const rules = /** @type {ActiveRules} */ (await call('PUT', '/rules', { text: editor.value, contentType: 'text/yaml' }));
      showActive(rules);
      activated.textContent = t('rules.activated', { id: formatNumber(rules.id ?? 0) });
      void check();
    } catch (error) {
      if (error instanceof ApiError && error.body.issues) showIssues(error.body.issues);
      else replace(preview, errorBox(error));
    }
  });

  /** @param {ActiveRules} rules */
  function showActive(rules) {
    active.textContent = rules.id === null ? t('rules.default') : t('rules.inForce', { id: formatNumber(rules.id), at: formatDateTime(rules.activatedAt) });
  }

  async function load() {
    try {
      const rules = /** @type {ActiveRules} */ (await call('GET', '/rules'));
      showActive(rules);
      lastValid = rules.ruleSet;
      show('yaml');
      await check();
    } catch (error) {
      replace(preview, errorBox(error));
    }
  }
  void load();
  return {
    onEvent: (event) => {
      if (sku.value.trim() && event.type === 'movement' && event.sku === sku.value.trim()) checkSoon();
    },
  };
}

/** @param {RulePreview} answer */
function previewOf(answer) {
  return h(
    'div',
    {},
    h('p', {}, answer.stock.map((s) => t('rules.stockLine', { sku: s.sku, n: formatNumber(s.available) })).join(' / '), ' · ', formatDateTime(answer.at)),
    section(
      t('rules.perListing'),
      table(
        [t('channels.account'), t('channels.channel'), t('listing.item'), t('rules.now'), t('listing.published'), t('rules.would'), t('listing.why')],
        answer.listings.map((l) =>
          h(
            'tr',
            { 'data-listing': l.listingId, 'data-account': l.account },
            h('td', {}, l.account),
            h('td', {}, l.channel),
            h('td', {}, l.channelListingId ?? '—'),
            h('td', { class: 'num' }, formatNumber(l.currentTarget)),
            h('td', { class: 'num' }, formatNumber(l.lastPublished)),
            h('td', { class: 'num', 'data-cell': 'preview' }, h('strong', {}, formatNumber(l.quantity)), l.currentTarget !== null && l.currentTarget !== l.quantity ? [' ', badge(t('rules.changes'), 'info')] : []),
            h('td', {}, trace(l.explanation)),
          ),
        ),
        t('stock.noListings'),
      ),
    ),
    answer.risks.length > 0
      ? section(t('rules.risks'), riskList(answer.risks))
      : null,
    section(
      t('rules.decisions'),
      table(
        ['SKU', t('rules.setting'), t('rules.rule')],
        answer.decisions.flatMap((d) => Object.entries(d.decidedBy).map(([setting, rule]) => h('tr', {}, h('td', {}, d.code), h('td', {}, setting), h('td', {}, rule ?? '—')))),
      ),
    ),
  );
}
