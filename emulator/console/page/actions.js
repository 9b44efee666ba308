/**
 * Action forms: a first button opens a confirmation, the second runs the action; the outcome is
 * shown as a notice above the next rendering of the page, which follows at once.
 */
import { act } from './api.js';
import { h } from './dom.js';

let pendingNotice;

/** The notice of the last action, once. */
export function takeNotice() {
  const notice = pendingNotice;
  pendingNotice = undefined;
  return notice;
}

/**
 * `label`: the first button; `confirm`: the question; `fields`: extra inputs (their values join the
 * parameters); `done(answer)`: the notice text.
 */
export function actionForm({ label, confirm, path, params, fields = [], done, testId }) {
  const status = h('span', { class: 'muted' });
  const confirmation = h(
    'span',
    { class: 'confirm', hidden: true },
    ` ${confirm} `,
    h('button', { type: 'submit', class: 'danger', 'data-testid': testId && `${testId}-confirm` }, 'Yes'),
    ' ',
    h('button', { type: 'button', onclick: () => (confirmation.hidden = true) }, 'Cancel'),
  );
  const form = h(
    'form',
    { class: 'action' },
    fields,
    h('button', { type: 'button', 'data-testid': testId, onclick: () => (confirmation.hidden = false) }, label),
    confirmation,
    ' ',
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const extra = Object.fromEntries(new FormData(form));
    status.textContent = 'working…';
    try {
      const answer = await act(path, { ...params, ...extra });
      pendingNotice = { kind: 'ok', text: done(answer) };
    } catch (err) {
      pendingNotice = { kind: 'error', text: err.message };
    }
    window.dispatchEvent(new Event('console-refresh'));
  });
  return form;
}
