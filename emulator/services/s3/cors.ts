import type { CORSRule } from '@aws-sdk/client-s3';
import { AwsError } from '../../core/errors.js';
import { wildcardMatch } from '../iam/policy-evaluator.js';
import type { BucketRecord } from './storage.js';

/** S3's CORS: a bucket's rules decide preflights and the Access-Control-* headers of actual requests. */

export const CORS_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

const VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';

const forbidden = (message: string) => new AwsError('AccessForbidden', message, 403);

function requestedHeaders(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

export function matchingRule(rules: CORSRule[], origin: string, method: string, headers: string[] = []): CORSRule | undefined {
  return rules.find(
    (rule) =>
      (rule.AllowedOrigins ?? []).some((allowed) => wildcardMatch(allowed, origin)) &&
      (rule.AllowedMethods ?? []).includes(method) &&
      headers.every((header) => (rule.AllowedHeaders ?? []).some((allowed) => wildcardMatch(allowed.toLowerCase(), header))),
  );
}

function ruleHeaders(rule: CORSRule, origin: string): Record<string, string> {
  const wildcard = (rule.AllowedOrigins ?? []).includes('*');
  const headers: Record<string, string> = {
    'access-control-allow-origin': wildcard ? '*' : origin,
    'access-control-allow-methods': (rule.AllowedMethods ?? []).join(', '),
    vary: VARY,
  };
  if (!wildcard) headers['access-control-allow-credentials'] = 'true';
  if (rule.ExposeHeaders?.length) headers['access-control-expose-headers'] = rule.ExposeHeaders.join(', ');
  if (rule.MaxAgeSeconds !== undefined) headers['access-control-max-age'] = String(rule.MaxAgeSeconds);
  return headers;
}

/** Access-Control-* headers for an actual request carrying an Origin, when a rule allows it. */
export function corsHeaders(bucket: BucketRecord | undefined, origin: string | undefined, method: string): Record<string, string> {
  if (!bucket?.cors || !origin) return {};
  const rule = matchingRule(bucket.cors, origin, method);
  return rule ? ruleHeaders(rule, origin) : {};
}

/** Answers a preflight (OPTIONS) from the bucket's rules, or throws AWS's 400/403. */
export function preflightHeaders(bucket: BucketRecord, headers: Record<string, string>): Record<string, string> {
  const origin = headers.origin;
  const method = headers['access-control-request-method'];
  if (!origin) throw new AwsError('BadRequest', 'Insufficient information. Origin request header needed.', 400);
  if (!method) throw new AwsError('BadRequest', 'Invalid Access-Control-Request-Method: null', 400);
  if (!bucket.cors) throw forbidden('CORSResponse: CORS is not enabled for this bucket.');
  const wanted = requestedHeaders(headers['access-control-request-headers']);
  const rule = matchingRule(bucket.cors, origin, method, wanted);
  if (!rule) {
    throw forbidden(
      "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
    );
  }
  const answer = ruleHeaders(rule, origin);
  if (wanted.length) answer['access-control-allow-headers'] = wanted.join(', ');
  return answer;
}
