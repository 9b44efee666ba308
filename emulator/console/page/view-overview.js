import { api } from './api.js';
import { h, link, section } from './dom.js';
import { SERVICES } from './services.js';

async function overview() {
  const { counts, inAlarm, account, region } = await api('overview');
  return [
    section(
      'Local cloud',
      h(
        'p',
        {},
        `Account ${account}, region ${region}. Everything below is read from the running local cloud and refreshes by itself while “live” is on.`,
      ),
    ),
    h(
      'div',
      { class: 'cards' },
      SERVICES.map(([key, title, [one, many]]) => {
        const count = counts[key];
        return h(
          'article',
          { class: 'panel card', 'data-testid': `overview-${key}` },
          h('h3', {}, link(key, {}, title)),
          typeof count === 'number'
            ? h('p', { class: 'count' }, `${count} ${count === 1 ? one : many}`)
            : h('p', { class: 'error' }, count?.error ?? ''),
          key === 'monitoring' && inAlarm ? h('p', { class: 'error' }, `${inAlarm} in ALARM`) : '',
        );
      }),
    ),
  ];
}

export const views = { '': overview };
