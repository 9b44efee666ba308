import type { MethodSetting, PatchOperation, UpdateStageCommandInput, UpdateStageCommandOutput } from '@aws-sdk/client-api-gateway';
import { BadRequestException, notFound } from '../errors.js';
import { nowSeconds } from '../lookup.js';
import type { StoredRestApi } from '../model.js';
import { applyPatch, unescapePointer, validateOps } from '../patch.js';
import type { ApiOp } from './context.js';
import { checkVariables } from './stages.js';

/** `/{resourcePath}/{httpMethod}/{group}/{setting}` patch paths and the MethodSetting member each sets. */
const METHOD_SETTINGS: Record<string, [keyof MethodSetting, 'boolean' | 'number' | 'string']> = {
  'metrics/enabled': ['metricsEnabled', 'boolean'],
  'logging/loglevel': ['loggingLevel', 'string'],
  'logging/dataTrace': ['dataTraceEnabled', 'boolean'],
  'throttling/burstLimit': ['throttlingBurstLimit', 'number'],
  'throttling/rateLimit': ['throttlingRateLimit', 'number'],
  'caching/enabled': ['cachingEnabled', 'boolean'],
  'caching/ttlInSeconds': ['cacheTtlInSeconds', 'number'],
  'caching/dataEncrypted': ['cacheDataEncrypted', 'boolean'],
  'caching/requireAuthorizationForCacheControl': ['requireAuthorizationForCacheControl', 'boolean'],
  'caching/unauthorizedCacheControlHeaderStrategy': ['unauthorizedCacheControlHeaderStrategy', 'string'],
};

type StoredStage = StoredRestApi['stages'][string];

/**
 * The nested settings: `/accessLogSettings/{destinationArn|format}` and `/canarySettings/{deploymentId|percentTraffic|useStageCache}`,
 * `/canarySettings/stageVariableOverrides/{name}`; removing `/accessLogSettings` or `/canarySettings` drops them. Stored, not enforced.
 */
function patchNested(stage: StoredStage, operation: PatchOperation): boolean {
  const path = operation.path ?? '';
  const op = operation.op;
  const group = /^\/(accessLogSettings|canarySettings)(?:\/(.+))?$/.exec(path);
  if (!group) return false;
  const [, name, rest] = group as unknown as [string, 'accessLogSettings' | 'canarySettings', string | undefined];
  if (!rest) {
    if (op !== 'remove') throw new BadRequestException(`Invalid patch operation specified. Must be one of: [remove]`);
    delete stage[name];
    return true;
  }
  if (name === 'accessLogSettings') {
    if (rest !== 'destinationArn' && rest !== 'format') throw new BadRequestException(`Invalid patch path ${path}`);
    if (op !== 'replace') throw new BadRequestException('Invalid patch operation specified. Must be one of: [replace]');
    stage.accessLogSettings = { ...stage.accessLogSettings, [rest]: operation.value };
    return true;
  }
  const canary = { ...stage.canarySettings };
  const override = /^stageVariableOverrides\/(.+)$/.exec(rest);
  if (override) {
    const overrides = { ...canary.stageVariableOverrides };
    if (op === 'remove') delete overrides[unescapePointer(override[1]!)];
    else overrides[unescapePointer(override[1]!)] = operation.value ?? '';
    canary.stageVariableOverrides = overrides;
  } else if (rest === 'deploymentId' || rest === 'percentTraffic' || rest === 'useStageCache') {
    if (op !== 'replace') throw new BadRequestException('Invalid patch operation specified. Must be one of: [replace]');
    if (rest === 'deploymentId') canary.deploymentId = operation.value;
    else if (rest === 'percentTraffic') canary.percentTraffic = Number(operation.value);
    else canary.useStageCache = String(operation.value).toLowerCase() === 'true';
  } else {
    throw new BadRequestException(`Invalid patch path ${path}`);
  }
  stage.canarySettings = canary;
  return true;
}

export const UpdateStage: ApiOp<UpdateStageCommandInput, UpdateStageCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  const current = api.stages[input.stageName!];
  if (!current) throw notFound.stage();
  const stage = structuredClone(current);
  validateOps(input.patchOperations, 'updateStageInput');
  const plain = [];
  for (const operation of input.patchOperations ?? []) {
    if (patchNested(stage, operation)) continue;
    const m = /^\/(.+)\/([A-Z*]+)\/(\w+\/\w+)$/.exec(operation.path ?? '');
    const setting = m ? METHOD_SETTINGS[m[3]!] : undefined;
    if (!m || !setting) {
      plain.push(operation);
      continue;
    }
    const key = `${unescapePointer(m[1]!).replace(/^\//, '')}/${m[2]}`;
    const [member, kind] = setting;
    const value =
      kind === 'boolean' ? String(operation.value).toLowerCase() === 'true' : kind === 'number' ? Number(operation.value) : operation.value;
    stage.methodSettings = { ...stage.methodSettings, [key]: { ...stage.methodSettings?.[key], [member]: value } };
  }
  applyPatch(
    stage,
    plain,
    [
      { path: '/deploymentId', ops: ['replace'], kind: 'string' },
      { path: '/description', ops: ['replace'], kind: 'string' },
      { path: '/cacheClusterEnabled', ops: ['replace'], kind: 'boolean' },
      { path: '/cacheClusterSize', ops: ['replace'], kind: 'string' },
      { path: '/clientCertificateId', ops: ['replace'], kind: 'string' },
      { path: '/tracingEnabled', ops: ['replace'], kind: 'boolean' },
      { path: '/documentationVersion', ops: ['replace'], kind: 'string' },
      { path: '/variables/*', ops: ['add', 'remove', 'replace'], kind: 'map' },
    ],
    'updateStageInput',
  );
  if (!stage.deploymentId || !ctx.state.deployments(api.api.id).get(stage.deploymentId)) {
    throw new BadRequestException('Deployment id does not exist');
  }
  checkVariables(stage.variables);
  stage.lastUpdatedDate = nowSeconds();
  api.stages[stage.stageName] = stage;
  ctx.state.saveApi(api);
  return stage;
};
