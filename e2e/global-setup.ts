import { existsSync } from 'node:fs';
import { startLocalCloud } from '../emulator/index.js';
import { provision } from '../provision/provision.js';

/** One local cloud in memory for the browser tests, with the whole stack provisioned into it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`Chromium is missing at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  const cloud = await startLocalCloud({ port: 0, host: '127.0.0.1' });
  const outputs = await provision({ name: 'local', endpoint: cloud.url, region: 'us-east-1' }, () => {});
  process.env.E2E_OUTPUTS = JSON.stringify(outputs);
  process.env.E2E_ENDPOINT = cloud.url;
  return () => cloud.close();
}
