import { createHash } from 'node:crypto';
import { AwsError } from '../../../core/errors.js';
import { BadDigest, IncompleteBody, InvalidDigest } from '../errors.js';
import type { ChecksumAlgorithm } from '../storage.js';
import { CHECKSUM_ALGORITHMS, checksumHeader, checksumOf } from './checksums.js';

export interface DecodedPayload {
  body: Buffer;
  /** The request headers, with trailing checksum headers added and `aws-chunked` taken out of Content-Encoding. */
  headers: Record<string, string>;
}

const malformedTrailer = () =>
  new AwsError(
    'MalformedTrailerError',
    'The request contained trailing data that was not well-formed or did not conform to our published schema.',
    400,
  );

/**
 * Decodes an `aws-chunked` body: `hex-size[;chunk-signature=...]\r\n data \r\n` repeated, a
 * zero-size chunk, then optional trailers (`x-amz-checksum-crc32:...`) and a blank line. The SDK
 * sends this for streams of known length (STREAMING-UNSIGNED-PAYLOAD-TRAILER); SigV4 streaming
 * uploads add chunk signatures (not verified yet).
 */
export function decodeAwsChunked(body: Buffer): { data: Buffer; trailers: Record<string, string> } {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', pos);
    if (lineEnd < 0) throw new IncompleteBody('You did not provide the number of bytes specified by the Content-Length HTTP header');
    const sizeText = body.subarray(pos, lineEnd).toString('latin1').split(';')[0]!.trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText))
      throw new IncompleteBody('You did not provide the number of bytes specified by the Content-Length HTTP header');
    const size = Number.parseInt(sizeText, 16);
    pos = lineEnd + 2;
    if (size === 0) break;
    if (pos + size > body.length)
      throw new IncompleteBody('You did not provide the number of bytes specified by the Content-Length HTTP header');
    parts.push(body.subarray(pos, pos + size));
    pos += size;
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a)
      throw new IncompleteBody('You did not provide the number of bytes specified by the Content-Length HTTP header');
    pos += 2;
  }
  const trailers: Record<string, string> = {};
  const rest = body.subarray(pos).toString('latin1');
  for (const line of rest.split('\r\n')) {
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformedTrailer();
    trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { data: Buffer.concat(parts), trailers };
}

export function decodePayload(rawBody: Buffer, requestHeaders: Record<string, string>): DecodedPayload {
  const headers = { ...requestHeaders };
  const encodings = (headers['content-encoding'] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const streaming = (headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
  if (!streaming && !encodings.includes('aws-chunked')) return { body: rawBody, headers };
  const { data, trailers } = decodeAwsChunked(rawBody);
  for (const [name, value] of Object.entries(trailers)) if (name.startsWith('x-amz-checksum-')) headers[name] = value;
  const declared = (headers['x-amz-trailer'] ?? '').trim().toLowerCase();
  if (declared && trailers[declared] === undefined) throw malformedTrailer();
  const remaining = encodings.filter((e) => e !== 'aws-chunked');
  if (remaining.length) headers['content-encoding'] = remaining.join(',');
  else delete headers['content-encoding'];
  const decodedLength = headers['x-amz-decoded-content-length'];
  if (decodedLength !== undefined && Number(decodedLength) !== data.length) {
    throw new IncompleteBody('You did not provide the number of bytes specified by the Content-Length HTTP header');
  }
  return { body: data, headers };
}

/** Verifies Content-MD5 and any `x-amz-checksum-*` header; returns the checksum to keep with an object. */
export function verifyIntegrity(
  body: Buffer,
  headers: Record<string, string>,
): { algorithm: ChecksumAlgorithm; value: string } | undefined {
  const md5 = headers['content-md5'];
  if (md5 !== undefined) {
    const digest = Buffer.from(md5, 'base64');
    if (digest.length !== 16 || digest.toString('base64') !== md5.trim())
      throw new InvalidDigest('The Content-MD5 you specified was invalid.');
    if (!digest.equals(createHash('md5').update(body).digest()))
      throw new BadDigest('The Content-MD5 you specified did not match what we received.');
  }
  let kept: { algorithm: ChecksumAlgorithm; value: string } | undefined;
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const value = headers[checksumHeader(algorithm)];
    if (value === undefined) continue;
    if (checksumOf(algorithm, body) !== value.trim()) {
      throw new BadDigest(`The ${algorithm} you specified did not match the calculated checksum.`);
    }
    kept = { algorithm, value: value.trim() };
  }
  return kept;
}
