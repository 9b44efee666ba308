import type { FilterLogEventsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type {
  AliasConfiguration,
  EventSourceMappingConfiguration,
  FunctionConfiguration,
  GetFunctionCommandOutput,
} from '@aws-sdk/client-lambda';
import type { Endpoint } from './endpoint.js';
import { ServiceCallError, type ServiceCalls } from './service-calls.js';

const SERVICE = 'lambda';
const functionPath = (name: string) => `/2015-03-31/functions/${encodeURIComponent(name)}`;

/** Every page of a Lambda list operation (Marker / NextMarker). */
async function allPages<T>(calls: ServiceCalls, path: string, member: string, query: Record<string, string> = {}): Promise<T[]> {
  const all: T[] = [];
  let marker: string | undefined;
  do {
    const page = await calls.rest<Record<string, unknown>>(SERVICE, path, { ...query, Marker: marker, MaxItems: '50' });
    all.push(...((page[member] as T[] | undefined) ?? []));
    marker = page.NextMarker as string | undefined;
  } while (marker);
  return all;
}

function summary(fn: FunctionConfiguration) {
  return {
    name: fn.FunctionName,
    runtime: fn.Runtime,
    handler: fn.Handler,
    memorySize: fn.MemorySize,
    timeout: fn.Timeout,
    codeSize: fn.CodeSize,
    lastModified: fn.LastModified,
    state: fn.State,
  };
}

export const functions: Endpoint = async ({ calls }) => {
  const all = await allPages<FunctionConfiguration>(calls, '/2015-03-31/functions', 'Functions');
  return { functions: all.map(summary) };
};

/** A function's configuration, published versions, aliases and event source mappings. */
export const fn: Endpoint = async ({ calls, params }) => {
  const name = params.required('name', 170);
  const got = await calls.rest<GetFunctionCommandOutput>(SERVICE, functionPath(name));
  const configuration = got.Configuration!;
  const [versions, aliases, mappings] = await Promise.all([
    allPages<FunctionConfiguration>(calls, `${functionPath(name)}/versions`, 'Versions'),
    allPages<AliasConfiguration>(calls, `${functionPath(name)}/aliases`, 'Aliases'),
    allPages<EventSourceMappingConfiguration>(calls, '/2015-03-31/event-source-mappings', 'EventSourceMappings', { FunctionName: name }),
  ]);
  return {
    configuration: {
      ...summary(configuration),
      arn: configuration.FunctionArn,
      role: configuration.Role,
      codeSha256: configuration.CodeSha256,
      environment: configuration.Environment?.Variables ?? {},
      architectures: configuration.Architectures,
      reservedConcurrency: got.Concurrency?.ReservedConcurrentExecutions,
    },
    tags: got.Tags ?? {},
    versions: versions.map((v) => ({
      version: v.Version,
      description: v.Description,
      codeSha256: v.CodeSha256,
      lastModified: v.LastModified,
    })),
    aliases: aliases.map((a) => ({
      name: a.Name,
      version: a.FunctionVersion,
      description: a.Description,
      weights: a.RoutingConfig?.AdditionalVersionWeights,
    })),
    eventSourceMappings: mappings.map((m) => ({
      uuid: m.UUID,
      source: m.EventSourceArn,
      state: m.State,
      batchSize: m.BatchSize,
      startingPosition: m.StartingPosition,
      lastResult: m.LastProcessingResult,
    })),
  };
};

/** The function's most recent log events (`/aws/lambda/<name>`, all streams, newest last). */
export const logs: Endpoint = async ({ calls, params }) => {
  const name = params.required('name', 170);
  const minutes = params.integer('minutes', 60, 1, 7 * 24 * 60);
  const limit = params.integer('limit', 100, 1, 1000);
  const group = `/aws/lambda/${name}`;
  const events: Array<{ timestamp?: number; stream?: string; message?: string }> = [];
  let nextToken: string | undefined;
  try {
    do {
      const page = await calls.json<FilterLogEventsCommandOutput>('logs', 'Logs_20140328.FilterLogEvents', {
        logGroupName: group,
        startTime: Date.now() - minutes * 60_000,
        nextToken,
      });
      for (const e of page.events ?? []) events.push({ timestamp: e.timestamp, stream: e.logStreamName, message: e.message });
      if (events.length > limit) events.splice(0, events.length - limit);
      nextToken = page.nextToken;
    } while (nextToken);
  } catch (err) {
    if (err instanceof ServiceCallError && err.code === 'ResourceNotFoundException') return { group, events: [] };
    throw err;
  }
  return { group, events };
};
