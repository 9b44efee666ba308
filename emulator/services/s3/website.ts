import { randomBytes } from 'node:crypto';
import type { RoutingRule } from '@aws-sdk/client-s3';
import type { AwsError } from '../../core/errors.js';
import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import { escapeXml } from '../../protocols/xml.js';
import { ANONYMOUS, bucketArn, conditionContext, isAllowed, objectArn } from './access.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { checkConditions, resolveRange } from './object-serving.js';
import type { BucketRecord, ObjectRecord, S3Storage } from './storage.js';

/**
 * The S3 website endpoint (`{bucket}.s3-website.localhost:PORT`): what browsers and CloudFront
 * fetch. Anonymous GET/HEAD only, answered with HTML error pages like AWS's; objects must be
 * readable by everyone through the bucket policy.
 */

interface SiteError {
  status: number;
  code: string;
  message: string;
  details?: Record<string, string>;
}

const STATUS_TEXT: Record<number, string> = {
  304: 'Not Modified',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  412: 'Precondition Failed',
  416: 'Requested Range Not Satisfiable',
};

const escapeHtml = escapeXml;

function listItems(error: SiteError): string {
  const lines = [`<li>Code: ${escapeHtml(error.code)}</li>`, `<li>Message: ${escapeHtml(error.message)}</li>`];
  for (const [name, value] of Object.entries(error.details ?? {})) lines.push(`<li>${name}: ${escapeHtml(value)}</li>`);
  return lines.join('\n');
}

function errorPage(req: EdgeRequest, error: SiteError, errorDocumentError?: SiteError): EdgeResponse {
  const title = `${error.status} ${STATUS_TEXT[error.status] ?? 'Error'}`;
  const hostId = randomBytes(48).toString('base64');
  const secondary = errorDocumentError
    ? `<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document</h3>\n<ul>\n${listItems(errorDocumentError)}\n</ul>\n`
    : '';
  const html =
    `<html>\n<head><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n<ul>\n${listItems(error)}\n` +
    `<li>RequestId: ${req.requestId}</li>\n<li>HostId: ${hostId}</li>\n</ul>\n${secondary}<hr/>\n</body>\n</html>\n`;
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    'x-amz-request-id': req.requestId,
    'x-amz-id-2': hostId,
    'x-amz-error-code': error.code,
    'x-amz-error-message': error.message,
  };
  for (const [name, value] of Object.entries(error.details ?? {})) headers[`x-amz-error-detail-${name}`] = encodeURI(value);
  return { status: error.status, headers, body: req.method === 'HEAD' ? '' : html };
}

const accessDenied: SiteError = { status: 403, code: 'AccessDenied', message: 'Access Denied' };
const noSuchKey = (key: string): SiteError => ({
  status: 404,
  code: 'NoSuchKey',
  message: 'The specified key does not exist.',
  details: { Key: key },
});

function redirect(location: string, status = 301): EdgeResponse {
  return { status, headers: { location, 'content-length': '0' } };
}

function ruleRedirect(rule: RoutingRule, requestedKey: string, req: EdgeRequest): EdgeResponse {
  const target = rule.Redirect ?? {};
  const prefix = rule.Condition?.KeyPrefixEquals ?? '';
  let key = requestedKey;
  if (target.ReplaceKeyWith !== undefined) key = target.ReplaceKeyWith;
  else if (target.ReplaceKeyPrefixWith !== undefined) key = target.ReplaceKeyPrefixWith + requestedKey.slice(prefix.length);
  const host = target.HostName ?? req.host;
  return redirect(`${target.Protocol ?? 'http'}://${host}/${encodeURI(key)}`, Number(target.HttpRedirectCode ?? 301));
}

function matchingRule(rules: RoutingRule[], key: string, errorStatus?: number): RoutingRule | undefined {
  return rules.find((rule) => {
    const condition = rule.Condition;
    if (!condition) return errorStatus === undefined;
    if (condition.KeyPrefixEquals !== undefined && !key.startsWith(condition.KeyPrefixEquals)) return false;
    if (condition.HttpErrorCodeReturnedEquals !== undefined) return String(errorStatus) === condition.HttpErrorCodeReturnedEquals;
    return errorStatus === undefined;
  });
}

function objectResponse(req: EdgeRequest, storage: S3Storage, bucket: BucketRecord, object: ObjectRecord, status: number): EdgeResponse {
  const headers: Record<string, string> = {
    'content-type': object.headers.ContentType,
    etag: object.etag,
    'last-modified': new Date(object.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
    'x-amz-request-id': req.requestId,
    'x-amz-server-side-encryption': 'AES256',
  };
  if (object.headers.CacheControl) headers['cache-control'] = object.headers.CacheControl;
  if (object.headers.ContentEncoding) headers['content-encoding'] = object.headers.ContentEncoding;
  if (object.headers.ContentDisposition) headers['content-disposition'] = object.headers.ContentDisposition;
  if (object.headers.ContentLanguage) headers['content-language'] = object.headers.ContentLanguage;
  if (object.headers.Expires) headers.expires = object.headers.Expires;
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
  let body = storage.readBody(bucket, object);
  let code = status;
  const range = status === 200 ? resolveRange(req.headers.range, object.size) : undefined;
  if (range) {
    body = body.subarray(range.start, range.end + 1);
    headers['content-range'] = `bytes ${range.start}-${range.end}/${object.size}`;
    code = 206;
  }
  headers['content-length'] = String(body.length);
  return { status: code, headers, body: req.method === 'HEAD' ? '' : body };
}

function toSiteError(err: AwsError): SiteError {
  const details: Record<string, string> = {};
  for (const [name, value] of Object.entries(err.extra)) details[name] = String(value);
  return { status: err.status, code: err.code, message: err.message, details };
}

export function websiteHandler(storage: S3Storage): (req: EdgeRequest) => EdgeResponse {
  const readable = (req: EdgeRequest, bucket: BucketRecord, key: string) =>
    isAllowed(bucket, ANONYMOUS, 's3:GetObject', objectArn(bucket.name, key), conditionContext(req));
  const listable = (req: EdgeRequest, bucket: BucketRecord) =>
    isAllowed(bucket, ANONYMOUS, 's3:ListBucket', bucketArn(bucket.name), conditionContext(req));

  /** An error answered with the bucket's error document when it has one that everyone may read. */
  function failure(req: EdgeRequest, bucket: BucketRecord, error: SiteError): EdgeResponse {
    const documentKey = bucket.website?.ErrorDocument?.Key;
    if (!documentKey) return errorPage(req, error);
    const document = storage.getObject(bucket, documentKey);
    if (!readable(req, bucket, documentKey)) return errorPage(req, error, accessDenied);
    if (!document) return errorPage(req, error, listable(req, bucket) ? noSuchKey(documentKey) : accessDenied);
    return objectResponse(req, storage, bucket, document, error.status);
  }

  /** Preflights and Access-Control-* headers follow the bucket's CORS rules, as on the REST endpoint. */
  function withCors(req: EdgeRequest, respond: (req: EdgeRequest) => EdgeResponse): EdgeResponse {
    const bucket = storage.findBucket(req.headers['x-local-host-id'] ?? '');
    if (req.method === 'OPTIONS' && bucket) {
      try {
        return { status: 200, headers: { 'x-amz-request-id': req.requestId, ...preflightHeaders(bucket, req.headers) } };
      } catch (err) {
        return errorPage(req, toSiteError(err as AwsError));
      }
    }
    const response = respond(req);
    response.headers = { ...response.headers, ...corsHeaders(bucket, req.headers.origin, req.method) };
    return response;
  }

  return (req) => withCors(req, serve);

  function serve(req: EdgeRequest): EdgeResponse {
    const bucketName = req.headers['x-local-host-id'] ?? '';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return errorPage(req, {
        status: 405,
        code: 'MethodNotAllowed',
        message: 'The specified method is not allowed against this resource.',
        details: { Method: req.method, ResourceType: 'OBJECT' },
      });
    }
    const bucket = storage.findBucket(bucketName);
    if (!bucket) {
      return errorPage(req, {
        status: 404,
        code: 'NoSuchBucket',
        message: 'The specified bucket does not exist',
        details: { BucketName: bucketName },
      });
    }
    const site = bucket.website;
    if (!site) {
      return errorPage(req, {
        status: 404,
        code: 'NoSuchWebsiteConfiguration',
        message: 'The specified bucket does not have a website configuration',
        details: { BucketName: bucketName },
      });
    }
    const query = req.raw.url?.includes('?') ? req.raw.url.slice(req.raw.url.indexOf('?')) : '';
    if (site.RedirectAllRequestsTo) {
      return redirect(`${site.RedirectAllRequestsTo.Protocol ?? 'http'}://${site.RedirectAllRequestsTo.HostName}${req.rawPath}${query}`);
    }
    const requestedKey = req.path.replace(/^\//, '');
    const suffix = site.IndexDocument?.Suffix ?? 'index.html';
    const key = requestedKey === '' || requestedKey.endsWith('/') ? requestedKey + suffix : requestedKey;
    const rules = site.RoutingRules ?? [];
    const early = matchingRule(rules, requestedKey);
    if (early) return ruleRedirect(early, requestedKey, req);

    let error: SiteError | undefined;
    const object = storage.getObject(bucket, key);
    if (!readable(req, bucket, key)) {
      error = accessDenied;
    } else if (!object) {
      const folderIndex = `${key}/${suffix}`;
      if (!key.endsWith('/') && storage.getObject(bucket, folderIndex) && readable(req, bucket, folderIndex)) {
        return redirect(`${req.rawPath}/`, 302);
      }
      error = listable(req, bucket) ? noSuchKey(key) : accessDenied;
    }
    if (error || !object) {
      const failed = error ?? accessDenied;
      const rule = matchingRule(rules, requestedKey, failed.status);
      return rule ? ruleRedirect(rule, requestedKey, req) : failure(req, bucket, failed);
    }
    if (object.headers.WebsiteRedirectLocation) return redirect(object.headers.WebsiteRedirectLocation);
    try {
      checkConditions(object, {
        IfMatch: req.headers['if-match'],
        IfNoneMatch: req.headers['if-none-match'],
        IfModifiedSince: req.headers['if-modified-since'] ? new Date(req.headers['if-modified-since']) : undefined,
        IfUnmodifiedSince: req.headers['if-unmodified-since'] ? new Date(req.headers['if-unmodified-since']) : undefined,
      });
      return objectResponse(req, storage, bucket, object, 200);
    } catch (err) {
      const e = err as AwsError;
      if (e.status === 304)
        return { status: 304, headers: { etag: object.etag, 'last-modified': new Date(object.lastModified).toUTCString() } };
      return errorPage(req, toSiteError(e));
    }
  }
}
