import type { AwsError } from '../../core/errors.js';
import { InvalidRange, NotModified, preconditionFailed } from './errors.js';
import type { ObjectRecord } from './storage.js';

export interface Conditions {
  IfMatch?: string;
  IfNoneMatch?: string;
  IfModifiedSince?: Date;
  IfUnmodifiedSince?: Date;
}

function etagMatches(header: string, etag: string): boolean {
  const bare = etag.replace(/"/g, '');
  return header.split(',').some((candidate) => {
    const value = candidate.trim().replace(/^W\//, '');
    return value === '*' || value.replace(/"/g, '') === bare;
  });
}

/** HTTP dates have whole seconds: compare at that precision. */
const seconds = (date: Date | string) => Math.floor(new Date(date).getTime() / 1000);

const validDate = (date: Date | undefined): date is Date => date instanceof Date && !Number.isNaN(date.getTime());

/**
 * GET/HEAD preconditions with S3's precedence: If-Match beats If-Unmodified-Since (412),
 * If-None-Match beats If-Modified-Since (304).
 */
export function checkConditions(object: ObjectRecord, conditions: Conditions): void {
  if (conditions.IfMatch !== undefined) {
    if (!etagMatches(conditions.IfMatch, object.etag)) throw preconditionFailed('If-Match');
  } else if (validDate(conditions.IfUnmodifiedSince) && seconds(object.lastModified) > seconds(conditions.IfUnmodifiedSince)) {
    throw preconditionFailed('If-Unmodified-Since');
  }
  const notModified = () =>
    new NotModified('Not Modified', { ETag: object.etag, LastModified: new Date(object.lastModified).toUTCString() });
  if (conditions.IfNoneMatch !== undefined) {
    if (etagMatches(conditions.IfNoneMatch, object.etag)) throw notModified();
  } else if (validDate(conditions.IfModifiedSince) && seconds(object.lastModified) <= seconds(conditions.IfModifiedSince)) {
    throw notModified();
  }
}

export interface ByteRange {
  start: number;
  end: number;
}

function invalidRange(header: string, size: number): AwsError {
  return new InvalidRange('The requested range is not satisfiable', { RangeRequested: header, ActualObjectSize: size });
}

/**
 * A single `bytes=` range as S3 reads it: unsatisfiable ranges are a 416, while malformed
 * headers and multiple ranges are ignored (the whole object is returned).
 */
export function resolveRange(header: string | undefined, size: number): ByteRange | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) throw invalidRange(header, size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  if (m[2] !== '' && Number(m[2]) < start) return undefined;
  if (start >= size) throw invalidRange(header, size);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return { start, end };
}
