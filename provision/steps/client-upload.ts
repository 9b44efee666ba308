import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Clients } from '../target.js';

/** What the browser client reads at start (client/src/config.ts): one build serves every target. */
export interface ClientConfig {
  region: string;
  apiUrl: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoEndpoint: string | null;
  local: boolean;
  outboxUrl: string | null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Uploads the built client and its config.json. HTML and config are never cached; hashed assets are. */
export async function uploadClient(clients: Clients, bucket: string, distDir: string, config: ClientConfig): Promise<number> {
  const files = filesUnder(distDir).filter(
    (file) =>
      !relative(distDir, file)
        .split('/')
        .some((part) => part.startsWith('.')),
  );
  await Promise.all(
    files.map((file) => {
      const key = relative(distDir, file).split('\\').join('/');
      const immutable = key.startsWith('assets/');
      return clients.s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: readFileSync(file),
          ContentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          CacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        }),
      );
    }),
  );
  await clients.s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: 'config.json',
      Body: JSON.stringify(config, null, 2),
      ContentType: 'application/json',
      CacheControl: 'no-cache',
    }),
  );
  return files.length + 1;
}
