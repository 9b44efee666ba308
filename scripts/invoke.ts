/**
 * npm run invoke -- <function> <event.json> [--qualifier Q] [--target T]: invokes a function with a
 * test event (the course's "test events") and prints the result and the log tail.
 */
import { readFileSync } from 'node:fs';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { clientsFor } from '../provision/target.js';
import { runScript, scriptArgs } from './cli-target.js';

const USAGE = 'usage: npm run invoke -- <function> <event.json | -> [--qualifier live|dev|N] [--target local|localstack|aws]';

runScript(async () => {
  const { target, positionals, values } = scriptArgs(process.argv.slice(2), USAGE, { qualifier: { type: 'string' } });
  const [functionName, eventFile] = positionals;
  if (!functionName || !eventFile) throw new Error(USAGE);
  const text = eventFile === '-' ? readFileSync(0, 'utf8') : readFileSync(eventFile, 'utf8');
  try {
    JSON.parse(text);
  } catch (err) {
    throw new Error(`${eventFile} is not valid JSON: ${(err as Error).message}`);
  }
  const result = await clientsFor(target).lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      Qualifier: values.qualifier as string | undefined,
      Payload: Buffer.from(text),
      LogType: 'Tail',
    }),
  );
  const payload = Buffer.from(result.Payload ?? []).toString('utf8');
  let pretty = payload;
  try {
    pretty = JSON.stringify(JSON.parse(payload), null, 2);
  } catch {}
  console.log(`${functionName} (version ${result.ExecutedVersion})${result.FunctionError ? ` failed: ${result.FunctionError}` : ''}`);
  console.log(pretty);
  if (result.LogResult) console.log(`\n--- log tail ---\n${Buffer.from(result.LogResult, 'base64').toString('utf8').trimEnd()}`);
  if (result.FunctionError) process.exitCode = 1;
});
