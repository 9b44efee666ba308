import { noSuchKey, preconditionFailed } from '../errors.js';
import type { ObjectRecord, StoredHeaders } from '../storage.js';

interface HeaderInput {
  ContentType?: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  Expires?: Date;
  WebsiteRedirectLocation?: string;
}

/** The object headers a write stores; S3's default type is binary/octet-stream. */
export function storedHeaders(input: HeaderInput): StoredHeaders {
  return {
    ContentType: input.ContentType || 'binary/octet-stream',
    CacheControl: input.CacheControl,
    ContentDisposition: input.ContentDisposition,
    ContentEncoding: input.ContentEncoding,
    ContentLanguage: input.ContentLanguage,
    Expires: input.Expires && !Number.isNaN(input.Expires.getTime()) ? input.Expires.toUTCString() : undefined,
    WebsiteRedirectLocation: input.WebsiteRedirectLocation,
  };
}

/** Conditional writes: `If-None-Match: *` fails when the key exists; `If-Match` needs the key with that ETag. */
export function checkWriteConditions(
  existing: ObjectRecord | undefined,
  key: string,
  input: { IfNoneMatch?: string; IfMatch?: string },
): void {
  if (input.IfNoneMatch !== undefined && existing) throw preconditionFailed('If-None-Match');
  if (input.IfMatch !== undefined) {
    if (!existing) throw noSuchKey(key);
    if (input.IfMatch.replace(/"/g, '') !== existing.etag.replace(/"/g, '')) throw preconditionFailed('If-Match');
  }
}
