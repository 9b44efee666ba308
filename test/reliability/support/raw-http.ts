import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  /** Header names lower-cased; every value kept. */
  headers: Record<string, string[]>;
  head: string;
  body: string;
}

export interface RawRequest {
  method: string;
  /** Sent exactly as given: no normalisation of `..`, no encoding. */
  path: string;
  /** Names and values are written as given (CR/LF included), one line each. */
  headers?: Array<[string, string]>;
  body?: string | Buffer;
  /** Gives up (rejects) when no complete answer came in this many milliseconds. */
  timeoutMs?: number;
}

/**
 * Writes an HTTP/1.1 request byte for byte, as no well-behaved client would (literal `..`, CR/LF in
 * header values), and reads the answer until the server closes the connection.
 */
export function rawHttp(baseUrl: string, request: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const ownHost = request.headers?.some(([name]) => name.toLowerCase() === 'host');
  const lines = [`${request.method} ${request.path} HTTP/1.1`, ...(ownHost ? [] : [`Host: ${url.host}`]), 'Connection: close'];
  for (const [name, value] of request.headers ?? []) lines.push(`${name}: ${value}`);
  if (body.length || request.method === 'POST') lines.push(`Content-Length: ${body.length}`);
  const bytes = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    if (request.timeoutMs) {
      socket.setTimeout(request.timeoutMs, () => {
        socket.destroy();
        reject(new Error(`no answer to ${request.method} ${request.path.slice(0, 200)} in ${request.timeoutMs} ms`));
      });
    }
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks).toString('latin1');
      const split = all.indexOf('\r\n\r\n');
      const head = split < 0 ? all : all.slice(0, split);
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers: Record<string, string[]> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        (headers[name] ??= []).push(line.slice(colon + 1).trim());
      }
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        head,
        body: split < 0 ? '' : Buffer.from(all.slice(split + 4), 'latin1').toString('utf8'),
      });
    });
    socket.write(bytes);
  });
}

/** The path part of a URL (what follows host and port). */
export function pathOf(url: string): string {
  return new URL(url).pathname;
}
