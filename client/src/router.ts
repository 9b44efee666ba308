/**
 * A tiny hash router: #/login, #/signup, #/confirm?username=.., #/conversations, #/people,
 * #/chat/<id>. Hash routing needs no server rewrites, so it works from an S3 website, CloudFront
 * and a path-style URL alike.
 */
import { signal } from '@preact/signals';

export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'signup' }
  | { name: 'confirm'; username: string }
  | { name: 'conversations' }
  | { name: 'people' }
  | { name: 'chat'; id: string }
  | { name: 'notFound'; path: string };

/** Pages a logged-out user may see. */
export const PUBLIC_ROUTES: ReadonlySet<Route['name']> = new Set(['login', 'signup', 'confirm']);

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const path = `/${pathPart.replace(/^\/+/, '')}`.replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(queryPart);
  const segments = path.split('/').filter(Boolean).map(safeDecode);

  if (segments.length === 0) return { name: 'home' };
  const [first, ...rest] = segments;
  switch (first) {
    case 'login':
      if (rest.length === 0) return { name: 'login' };
      break;
    case 'signup':
      if (rest.length === 0) return { name: 'signup' };
      break;
    case 'confirm':
      if (rest.length === 0) return { name: 'confirm', username: query.get('username') ?? '' };
      break;
    case 'conversations':
      if (rest.length === 0) return { name: 'conversations' };
      break;
    case 'people':
      if (rest.length === 0) return { name: 'people' };
      break;
    case 'chat':
      if (rest.length === 1 && rest[0]) return { name: 'chat', id: rest[0] };
      break;
  }
  return { name: 'notFound', path };
}

/** The hash path (without "#") of a route. */
export function pathOf(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'confirm':
      return route.username ? `/confirm?username=${encodeURIComponent(route.username)}` : '/confirm';
    case 'chat':
      return `/chat/${encodeURIComponent(route.id)}`;
    case 'notFound':
      return route.path;
    default:
      return `/${route.name}`;
  }
}

/** An href for links: href('/people') === '#/people'. */
export function href(path: string): string {
  return `#${path}`;
}

export const route = signal<Route>(parseHash(window.location.hash));

window.addEventListener('hashchange', () => {
  route.value = parseHash(window.location.hash);
});

/** Goes to a hash path such as '/chat/abc'. `replace` leaves no history entry (redirects). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const hash = href(path);
  if (options.replace) {
    const url = new URL(window.location.href);
    url.hash = hash;
    window.history.replaceState(window.history.state, '', url);
  } else if (window.location.hash !== hash) {
    window.location.hash = hash;
  }
  route.value = parseHash(hash);
}

const RETURN_KEY = 'serverless-chat.returnTo';

/** Remembers where a logged-out user wanted to go, to continue there after logging in. */
export function rememberReturnPath(path: string): void {
  try {
    sessionStorage.setItem(RETURN_KEY, path);
  } catch {
    // storage unavailable (private mode): not important
  }
}

export function takeReturnPath(): string | null {
  try {
    const path = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    if (!path) return null;
    const target = parseHash(path);
    return PUBLIC_ROUTES.has(target.name) || target.name === 'notFound' ? null : path;
  } catch {
    return null;
  }
}

export function forgetReturnPath(): void {
  try {
    sessionStorage.removeItem(RETURN_KEY);
  } catch {
    // ignore
  }
}
