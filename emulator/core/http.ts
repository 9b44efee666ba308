import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request after the edge has read it and resolved its caller. Operations never see this. */
export interface EdgeRequest {
  method: string;
  /** Decoded path without the query string. */
  path: string;
  /** Raw path as sent (still percent-encoded), without the query string. */
  rawPath: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: Buffer;
  host: string;
  account: string;
  region: string;
  requestId: string;
  /** Access key id from the signature, if any. */
  accessKeyId?: string;
  /** Base URL of the edge as the caller reached it, e.g. http://localhost:4566 */
  edgeUrl: string;
  raw: IncomingMessage;
}

export interface EdgeResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: Buffer | string;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): EdgeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: value === undefined ? '' : JSON.stringify(value),
  };
}

/**
 * Reads the whole body. Above `limit` it rejects with BodyTooLarge and drains the rest without
 * keeping it, so the caller can still answer (413) on a connection the client is writing to.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks = [];
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Request body larger than ${limit} bytes`);
  }
}

export function writeResponse(res: ServerResponse, response: EdgeResponse, extraHeaders: Record<string, string> = {}): void {
  const body = response.body ?? '';
  const headers = { ...extraHeaders, ...response.headers };
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (!res.hasHeader('content-length')) res.setHeader('content-length', Buffer.byteLength(body));
  res.statusCode = response.status;
  res.end(body);
}
