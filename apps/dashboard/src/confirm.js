// @ts-check
import { find } from './dom.js';
import { t } from './i18n.js';

/**
 * Asks before a change that cannot be taken back casually (activating rules, an emergency stop…).
 * @param {string} question
 * @returns {Promise<boolean>}
 */
export function confirmAction(question) {
  const dialog = find('#confirm', HTMLDialogElement);
  find('#confirm-text', HTMLElement).textContent = question;
  find('#confirm-ok', HTMLButtonElement).textContent = t('confirm.ok');
  find('#confirm-cancel', HTMLButtonElement).textContent = t('confirm.cancel');
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
}
