/**
 * Building the page without markup strings: every value goes in as text (textContent or an
 * attribute), so nothing a resource holds is ever interpreted as HTML.
 */

/** An element with attributes (`on*` functions become listeners) and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'href') element.setAttribute('href', safeHref(String(value)));
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Only the page's own routes and http(s) URLs become links. */
function safeHref(href) {
  return href.startsWith('#/') || /^https?:\/\//i.test(href) ? href : '#/';
}

/** A link to a route of the page, its parameters encoded. */
export function route(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(name, value);
  const text = query.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

export const link = (path, params, text, attributes = {}) => h('a', { href: route(path, params), ...attributes }, text);

/** A URL of the local cloud opened in a new tab. */
export const external = (url, text = url) => (url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text) : '');

/** A table: `columns` are [heading, cell(row)] pairs; a cell may return text or nodes. */
export function table(columns, rows, attributes = {}) {
  if (!rows.length) return h('p', { class: 'muted' }, attributes.empty ?? 'None.');
  const { empty: _empty, rowTestId, ...rest } = attributes;
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      rest,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map(([heading]) => h('th', {}, heading)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            { 'data-testid': rowTestId },
            columns.map(([, cell]) => h('td', {}, cell(row))),
          ),
        ),
      ),
    ),
  );
}

/** Label / value pairs. */
export function facts(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
  );
}

export const section = (title, ...content) => h('section', { class: 'panel' }, h('h2', {}, title), ...content);

export const badge = (text, kind = String(text).toLowerCase()) =>
  h('span', { class: `badge badge-${kind.replace(/[^a-z0-9_-]/gi, '')}` }, text);

export const code = (text) => h('code', {}, text);

export function formatTime(value) {
  if (value === undefined || value === null || value === '') return '';
  const date = typeof value === 'number' ? new Date(value) : new Date(String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

export function formatBytes(bytes) {
  if (typeof bytes !== 'number') return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Shortens long values for a cell; the whole value stays in the title. */
export function clipped(text, max = 80) {
  const value = String(text ?? '');
  return value.length > max ? h('span', { title: value }, `${value.slice(0, max - 1)}…`) : value;
}
