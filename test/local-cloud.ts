import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalCloud, startLocalCloud } from '../emulator/index.js';

export interface TestCloud extends LocalCloud {
  /** Client configuration for any @aws-sdk/client-* pointed at this cloud. */
  clientConfig: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    forcePathStyle?: boolean;
  };
}

/** Starts a local cloud on a free port with its own temporary state directory (or in memory). */
export async function startTestCloud(options: { persist?: boolean; stateDir?: string } = {}): Promise<TestCloud> {
  const ownDir = options.persist && !options.stateDir ? mkdtempSync(join(tmpdir(), 'local-cloud-')) : undefined;
  const stateDir = options.stateDir ?? ownDir;
  const cloud = await startLocalCloud({ port: 0, host: '127.0.0.1', stateDir });
  return {
    ...cloud,
    clientConfig: {
      endpoint: cloud.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      forcePathStyle: true,
    },
    async close() {
      await cloud.close();
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}
