/**
 * npm start: the local cloud, the whole stack provisioned into it, the client built and uploaded;
 * prints the chat URL and stays in the foreground until Ctrl-C.
 */
import { optionsFromEnv, startLocalCloud } from '../emulator/index.js';
import { writeOutputs } from '../provision/outputs.js';
import { provision } from '../provision/provision.js';

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

try {
  const options = optionsFromEnv();
  const cloud = await startLocalCloud(options);
  console.log(`Local cloud on ${cloud.url} (state: ${cloud.stateDir ?? 'in memory'})`);
  const outputs = await provision({ name: 'local', endpoint: cloud.url, region: options.region ?? 'us-east-1' });
  writeOutputs(outputs);
  console.log(`
Chat ready in ${seconds()} s:

  ${outputs.websiteUrl}

  CloudFront    ${outputs.cdnUrl ?? '(none)'}
  API           ${outputs.apiUrl}
  Console       ${cloud.url}/_emulator/  (tables, functions and logs, the API, users and codes, alarms)
  Codes outbox  ${cloud.url}/_emulator/cognito/codes  (sign-up codes are also printed here)
  Health        ${cloud.url}/_emulator/health

Ctrl-C stops.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping...');
    await cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  const error = err as NodeJS.ErrnoException;
  if (error.code === 'EADDRINUSE') console.error(`Port ${process.env.PORT ?? 4566} is in use: stop what runs there or set PORT.`);
  else console.error(`npm start failed: ${error.message}`);
  process.exit(1);
}
