/** Shared application state, as signals. Components read `.value` and re-render on change. */
import { signal } from '@preact/signals';
import type { AppConfig } from './config';

/** The runtime config, set once at startup before the app renders. */
export const config = signal<AppConfig | null>(null);

/** The logged-in username, or null when logged out. Maintained by auth.ts. */
export const currentUser = signal<string | null>(null);

/** "Now", refreshed every 10 s so relative times ("3 minutes ago") stay current. */
export const now = signal(Date.now());

export type NoticeKind = 'info' | 'success' | 'error';
export interface Notice {
  kind: NoticeKind;
  text: string;
  /** Name of the route the notice is meant for; it is dropped when the user leaves that route. */
  route: string;
}

/** A one-shot message shown on the next page ("Account confirmed. You can log in now."). */
export const notice = signal<Notice | null>(null);

export function flash(route: string, kind: NoticeKind, text: string): void {
  notice.value = { route, kind, text };
}

export function getConfig(): AppConfig {
  const value = config.value;
  if (!value) throw new Error('The app configuration has not been loaded yet.');
  return value;
}

let clock: ReturnType<typeof setInterval> | undefined;

export function startClock(intervalMs = 10_000): void {
  if (clock !== undefined) return;
  now.value = Date.now();
  clock = setInterval(() => {
    now.value = Date.now();
  }, intervalMs);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') now.value = Date.now();
  });
}

/** The username last signed up, confirmed or used, to pre-fill the login form. */
export const rememberedUsername = signal('');
