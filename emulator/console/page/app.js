/**
 * The local console: a hash router (`#/<service>[/<view>]?params`) over the views of each
 * service, a menu with resource counts, and a refresh every few seconds while "live" is on and
 * nobody is typing.
 */
import { takeNotice } from './actions.js';
import { api } from './api.js';
import { h, link } from './dom.js';
import { SERVICES } from './services.js';
import { views as apigateway } from './view-apigateway.js';
import { views as cloudfront } from './view-cloudfront.js';
import { views as cognito } from './view-cognito.js';
import { views as dynamodb } from './view-dynamodb.js';
import { views as lambda } from './view-lambda.js';
import { views as monitoring } from './view-monitoring.js';
import { views as overview } from './view-overview.js';
import { views as s3 } from './view-s3.js';

const VIEWS = { ...overview, ...dynamodb, ...s3, ...lambda, ...apigateway, ...cognito, ...cloudfront, ...monitoring };
const REFRESH_MS = 5000;

const main = document.getElementById('main');
const menu = document.getElementById('menu');
const live = document.getElementById('live');
const updated = document.getElementById('updated');
let rendering = false;
let renderedHash;

function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = hash.split('?');
  return { path: path.replace(/\/$/, ''), params: Object.fromEntries(new URLSearchParams(query)) };
}

async function renderMenu() {
  const { counts, inAlarm, account, region } = await api('overview');
  document.querySelector('[data-testid=scope]').textContent = `${account} · ${region}`;
  const active = currentRoute().path.split('/')[0];
  menu.replaceChildren(
    h(
      'ul',
      {},
      h('li', {}, link('', {}, 'Overview', { class: active === '' ? 'active' : undefined })),
      SERVICES.map(([key, title]) => {
        const count = counts[key];
        return h(
          'li',
          {},
          link(key, {}, [title, ' ', h('span', { class: 'count' }, typeof count === 'number' ? count : '!')], {
            class: active === key ? 'active' : undefined,
            'data-testid': `menu-${key}`,
          }),
          key === 'monitoring' && inAlarm ? h('span', { class: 'badge badge-alarm' }, `${inAlarm} ALARM`) : '',
        );
      }),
    ),
  );
}

/** The current route's content, or its error as a message. */
async function content(path, params) {
  const view = VIEWS[path];
  if (!view) return h('p', { class: 'error' }, `No such page: ${path}`);
  try {
    return await view(params);
  } catch (err) {
    return h('p', { class: 'error', 'data-testid': 'error' }, err.message);
  }
}

/** Renders the current route; a refresh keeps the scroll position and never interrupts typing. */
async function render({ refresh = false } = {}) {
  if (rendering) return;
  rendering = true;
  try {
    const hash = location.hash;
    const { path, params } = currentRoute();
    const nodes = await content(path, params);
    if (hash !== location.hash) return; // navigated meanwhile: the next render shows it
    const scroll = window.scrollY;
    const notice = takeNotice();
    main.replaceChildren(
      ...[notice ? h('p', { class: `notice notice-${notice.kind}`, 'data-testid': 'notice' }, notice.text) : '', nodes]
        .flat(Infinity)
        .filter(Boolean),
    );
    window.scrollTo(0, refresh && hash === renderedHash ? scroll : 0);
    for (const element of main.querySelectorAll('[data-scroll-end]')) element.scrollTop = element.scrollHeight;
    renderedHash = hash;
    await renderMenu();
    updated.textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (err) {
    updated.textContent = `not reachable: ${err.message}`;
  } finally {
    rendering = false;
  }
}

/** Someone is filling a form (the query box, an action's confirmation): a refresh would lose it. */
function typing() {
  const active = document.activeElement;
  return Boolean(active && main.contains(active) && active.closest('form'));
}

window.addEventListener('hashchange', () => render());
window.addEventListener('console-refresh', async () => {
  while (rendering) await new Promise((resolve) => setTimeout(resolve, 50));
  render({ refresh: true });
});
// A navigation during a render is shown by the render that follows it.
setInterval(() => {
  if (!rendering && location.hash !== renderedHash) render();
}, 250);
setInterval(() => {
  if (live.checked && !document.hidden && !typing()) render({ refresh: true });
}, REFRESH_MS);
render();
