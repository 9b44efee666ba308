import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { ASSETS } from '../assets.js';
import type { AdminRoute } from '../core/edge.js';

const PAGE_DIR = ASSETS.consolePage;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The page only runs its own scripts and styles; data is rendered as text, never as markup. */
const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
};

/**
 * The console page's static files (emulator/console/page/, read on each request): `index.html` at
 * `/_emulator/` and `/_emulator/console`, every file at `/_emulator/console/<file>`.
 */
export function pageRoutes(): Record<string, AdminRoute> {
  const routes: Record<string, AdminRoute> = {};
  for (const file of readdirSync(PAGE_DIR)) {
    const type = CONTENT_TYPES[extname(file)];
    if (!type) continue;
    const route: AdminRoute = () => ({
      status: 200,
      headers: { 'content-type': type, ...PAGE_HEADERS },
      body: readFileSync(`${PAGE_DIR}${file}`),
    });
    routes[`console/${file}`] = route;
    if (file === 'index.html') {
      routes[''] = route;
      routes.console = route;
    }
  }
  return routes;
}
