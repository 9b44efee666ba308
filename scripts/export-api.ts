/**
 * npm run export-api [-- --target T] [--stage S]: exports the deployed REST API as OpenAPI 3.0 (with
 * API Gateway's extensions) to api/openapi.json, and generates the client's types from it into
 * client/src/api-schema.ts, so the client's API calls are typed by what API Gateway serves.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetExportCommand } from '@aws-sdk/client-api-gateway';
import { STACK } from '../provision/stack.js';
import { clientsFor } from '../provision/target.js';
import { runScript, scriptArgs } from './cli-target.js';
import { typesFromOpenApi } from './openapi-types.js';

export const OPENAPI_FILE = fileURLToPath(new URL('../api/openapi.json', import.meta.url));
export const CLIENT_TYPES_FILE = fileURLToPath(new URL('../client/src/api-schema.ts', import.meta.url));

runScript(async () => {
  const { target, outputs, values } = scriptArgs(process.argv.slice(2), 'usage: npm run export-api -- [--target T] [--stage prod|dev]', {
    stage: { type: 'string' },
  });
  const stageName = (values.stage as string | undefined) ?? STACK.stage;
  const exported = await clientsFor(target).apigateway.send(
    new GetExportCommand({
      restApiId: outputs.apiId,
      stageName,
      exportType: 'oas30',
      accepts: 'application/json',
      parameters: { extensions: 'apigateway' },
    }),
  );
  const document = JSON.parse(Buffer.from(exported.body ?? []).toString('utf8'));
  mkdirSync(dirname(OPENAPI_FILE), { recursive: true });
  writeFileSync(OPENAPI_FILE, `${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(CLIENT_TYPES_FILE, await typesFromOpenApi(document));
  console.log(`Exported ${STACK.api} stage ${stageName} to ${OPENAPI_FILE}\nClient types: ${CLIENT_TYPES_FILE}`);
});
