// @ts-check
import { ApiError, call } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';

/**
 * The API key is sent once; the server answers with an HttpOnly session cookie, so the key is
 * neither stored by the page nor readable by any script afterwards.
 * @param {HTMLElement} root
 * @param {{ onSignedIn: (session: import('../../types/api').SessionView) => void }} options
 * @returns {import('../../types/page').Page}
 */
export function signInPage(root, { onSignedIn }) {
  const key = h('input', { type: 'password', name: 'key', id: 'api-key', autocomplete: 'off', required: true, placeholder: 'uk_…' });
  const problem = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h(
    'form',
    { class: 'card sign-in' },
    h('h1', {}, t('signIn.title')),
    h('p', {}, t('signIn.explain')),
    h('label', { for: 'api-key' }, t('signIn.key')),
    key,
    problem,
    h('button', { type: 'submit' }, t('signIn.submit')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.hidden = true;
    try {
      const session = await call('POST', '/session', { json: { key: key.value } });
      key.value = '';
      onSignedIn(/** @type {import('../../types/api').SessionView} */ (session));
    } catch (error) {
      problem.textContent = error instanceof ApiError && error.status === 401 ? t('signIn.refused') : String(error);
      problem.hidden = false;
    }
  });
  replace(root, form);
  key.focus();
  return {};
}
