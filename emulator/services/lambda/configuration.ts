import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { functionArn } from './arns.js';
import { LATEST, type VersionConfig } from './state.js';

export interface ConfigurationOptions {
  account: string;
  region: string;
  name: string;
  /** Qualify the ARN even for `$LATEST` (when the caller asked for a qualifier). */
  qualified?: boolean;
  /** The alias the caller named: the ARN names it, the rest is its version's. */
  alias?: string;
  /** ListFunctions leaves out the state fields. */
  forList?: boolean;
}

/** A version's configuration as the Lambda API returns it. */
export function toConfiguration(config: VersionConfig, options: ConfigurationOptions): FunctionConfiguration {
  const qualify = config.version !== LATEST || options.qualified;
  return {
    FunctionName: options.name,
    FunctionArn: functionArn(options.region, options.account, options.name, options.alias ?? (qualify ? config.version : undefined)),
    Runtime: config.runtime as FunctionConfiguration['Runtime'],
    Role: config.role,
    Handler: config.handler,
    CodeSize: config.codeSize,
    Description: config.description,
    Timeout: config.timeout,
    MemorySize: config.memorySize,
    LastModified: config.lastModified,
    CodeSha256: config.codeSha256,
    Version: config.version,
    ...(config.environment ? { Environment: { Variables: config.environment } } : {}),
    TracingConfig: { Mode: config.tracingMode as 'PassThrough' | 'Active' },
    RevisionId: config.revisionId,
    ...(options.forList
      ? {}
      : {
          State: 'Active' as const,
          ...(config.version === LATEST ? { LastUpdateStatus: 'Successful' as const } : {}),
        }),
    PackageType: 'Zip',
    Architectures: config.architectures as FunctionConfiguration['Architectures'],
    EphemeralStorage: { Size: config.ephemeralStorage },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    ...(options.forList
      ? {}
      : { RuntimeVersionConfig: { RuntimeVersionArn: `arn:aws:lambda:${options.region}::runtime:${runtimeVersionId(config.runtime)}` } }),
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${options.name}` },
  };
}

/** A stable 64-hex id per runtime, shaped like AWS's runtime version ids. */
function runtimeVersionId(runtime: string): string {
  let hex = '';
  for (let i = 0; hex.length < 64; i++) hex += ((runtime.charCodeAt(i % runtime.length) * (i + 7)) % 256).toString(16).padStart(2, '0');
  return hex.slice(0, 64);
}
