import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { FunctionSpec } from './executor.js';

/**
 * The node_modules holding the AWS SDK v3 of the local cloud, offered to functions as the
 * Node.js runtimes on AWS offer theirs (found through NODE_PATH, and by the ESM resolve hook).
 */
export const RUNTIME_MODULES = (() => {
  try {
    const manifest = createRequire(import.meta.url).resolve('@aws-sdk/client-lambda/package.json');
    return dirname(dirname(dirname(manifest)));
  } catch {
    return undefined;
  }
})();

export interface EnvironmentPlace {
  runtimeApi: string;
  taskRoot: string;
  runtimeDir: string;
  logStream: string;
}

/** The variables a function sees on AWS, then the function's own (which may override only unreserved ones). */
export function lambdaEnvironment(spec: FunctionSpec, place: EnvironmentPlace): Record<string, string> {
  const nodePath = [place.taskRoot, place.runtimeDir, ...(RUNTIME_MODULES ? [RUNTIME_MODULES] : [])].join(':');
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    NODE_PATH: nodePath,
    ...(spec.variables.AWS_ENDPOINT_URL ? {} : { AWS_ENDPOINT_URL: spec.endpointUrl }),
    ...spec.variables,
    _HANDLER: spec.handler,
    AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: spec.version,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memorySize),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: spec.logGroup,
    AWS_LAMBDA_LOG_STREAM_NAME: place.logStream,
    AWS_LAMBDA_RUNTIME_API: place.runtimeApi,
    AWS_REGION: spec.region,
    AWS_DEFAULT_REGION: spec.region,
    AWS_ACCESS_KEY_ID: spec.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: spec.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: spec.credentials.sessionToken,
    LAMBDA_TASK_ROOT: place.taskRoot,
    LAMBDA_RUNTIME_DIR: place.runtimeDir,
  };
}
