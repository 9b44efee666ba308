import { optionsFromEnv, startLocalCloud } from './index.js';

const started = Date.now();
try {
  const cloud = await startLocalCloud(optionsFromEnv());
  console.log(`Local cloud listening on ${cloud.url} (state: ${cloud.stateDir ?? 'in memory'}) in ${Date.now() - started} ms`);
  const stop = async () => {
    console.log('Stopping the local cloud...');
    await cloud.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(`The local cloud could not start: ${(err as Error).message}`);
  process.exit(1);
}
