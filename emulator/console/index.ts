/**
 * The local console: a page for people at `/_emulator/` showing each service's resources live,
 * and the read-only JSON API it reads (`/_emulator/console/api/<service>/<what>?...`). The data
 * modules call the services' own operations in process for one account and region (the local
 * cloud's defaults, or `?account=&region=`); the page (page/) is plain HTML, CSS and ES modules.
 *
 * Three actions, POSTed with their parameters in the query string: delete every item of a table,
 * invalidate paths of a distribution, set an alarm's state. A browser's POST must come from the
 * console's own origin (another site's page cannot trigger them).
 *
 * Not yet: IAM, STS and DynamoDB Streams records, S3 object contents, other actions (delete an
 * object, invoke a function, confirm a user), and a choice of account and region in the page.
 */

import type { AdminRoute } from '../core/edge.js';
import { AwsError } from '../core/errors.js';
import { type EdgeRequest, json } from '../core/http.js';
import * as apigateway from './apigateway.js';
import * as cloudfront from './cloudfront.js';
import * as cognito from './cognito.js';
import * as dynamodb from './dynamodb.js';
import type { ConsoleDeps, Endpoint } from './endpoint.js';
import * as lambda from './lambda.js';
import * as monitoring from './monitoring.js';
import { overview } from './overview.js';
import { pageRoutes } from './page-assets.js';
import { BadRequest, NotFound, Params } from './params.js';
import * as s3 from './s3.js';
import { type Scope, ServiceCallError, ServiceCalls } from './service-calls.js';

export const ENDPOINTS: Record<string, Endpoint> = {
  overview,
  'dynamodb/tables': dynamodb.tables,
  'dynamodb/table': dynamodb.table,
  'dynamodb/query': dynamodb.query,
  's3/buckets': s3.buckets,
  's3/objects': s3.objects,
  'lambda/functions': lambda.functions,
  'lambda/function': lambda.fn,
  'lambda/logs': lambda.logs,
  'apigateway/apis': apigateway.apis,
  'apigateway/api': apigateway.api,
  'cognito/pools': cognito.pools,
  'cognito/pool': cognito.pool,
  'cloudfront/distributions': cloudfront.distributions,
  'cloudfront/distribution': cloudfront.distribution,
  'monitoring/alarms': monitoring.alarms,
  'monitoring/alarm': monitoring.alarm,
};

/** Actions change state: `POST /_emulator/console/api/<name>?...`. */
export const ACTIONS: Record<string, Endpoint> = {
  'dynamodb/purge': dynamodb.purge,
  'cloudfront/invalidate': cloudfront.invalidate,
  'monitoring/set-alarm-state': monitoring.setAlarmState,
};

function scopeOf(req: EdgeRequest, params: Params): Scope {
  const account = params.optional('account', 12) ?? req.account;
  const region = params.optional('region', 32) ?? req.region;
  if (!/^\d{12}$/.test(account)) throw new BadRequest(`The account must be 12 digits, not ${JSON.stringify(account)}.`);
  if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) throw new BadRequest(`Not a region name: ${JSON.stringify(region)}.`);
  return { account, region, edgeUrl: req.edgeUrl };
}

/** Failures as JSON: the caller's mistakes and missing resources are 4xx with a message, never a 500. */
function failure(err: unknown) {
  if (err instanceof BadRequest) return json(400, { code: 'BadRequest', message: err.message });
  if (err instanceof NotFound) return json(404, { code: 'NotFound', message: err.message });
  if (err instanceof ServiceCallError || err instanceof AwsError) {
    return json(err.status >= 500 ? 502 : err.status, { code: err.code, message: err.message });
  }
  console.error('[console] request failed:', err);
  return json(500, { code: 'InternalError', message: err instanceof Error ? err.message : String(err) });
}

function apiRoute(endpoint: Endpoint, deps: ConsoleDeps): AdminRoute {
  return async (req) => {
    try {
      const params = new Params(req.query);
      const scope = scopeOf(req, params);
      const calls = new ServiceCalls(deps.services, scope);
      return json(200, await endpoint({ params, scope, calls, deps }), { 'cache-control': 'no-store' });
    } catch (err) {
      return failure(err);
    }
  };
}

/** Browsers send Origin with every POST: only the console's own page (same host) may act; tools without one may. */
function sameOrigin(req: EdgeRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}

function actionRoute(endpoint: Endpoint, deps: ConsoleDeps): AdminRoute {
  const run = apiRoute(endpoint, deps);
  return (req) =>
    sameOrigin(req) ? run(req) : json(403, { code: 'Forbidden', message: 'Console actions are taken from the console page only.' });
}

/** The console's routes under /_emulator/: the page and its JSON API. */
export function consoleRoutes(deps: ConsoleDeps): Record<string, AdminRoute> {
  const routes = pageRoutes();
  for (const [name, endpoint] of Object.entries(ENDPOINTS)) routes[`console/api/${name}`] = apiRoute(endpoint, deps);
  for (const [name, endpoint] of Object.entries(ACTIONS)) routes[`POST console/api/${name}`] = actionRoute(endpoint, deps);
  return routes;
}
