/**
 * Removes the chat stack: every resource found by the stack's tag (STACK.tag), in dependency
 * order (CloudFront, alarms, REST APIs, functions and their log groups, roles, user pools, tables,
 * buckets). Each service is listed and each candidate's tags read, so nothing untagged is touched;
 * the outputs file, when present, is a cross-check: what it names but the tags do not claim is
 * reported, not removed. A resource already gone is fine; any other failure is reported and the
 * rest goes on.
 */

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteRestApiCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import {
  DeleteDistributionCommand,
  GetDistributionConfigCommand,
  ListDistributionsCommand,
  ListTagsForResourceCommand,
  UpdateDistributionCommand,
  waitUntilDistributionDeployed,
} from '@aws-sdk/client-cloudfront';
import { DeleteAlarmsCommand, DescribeAlarmsCommand, ListTagsForResourceCommand as ListAlarmTagsCommand } from '@aws-sdk/client-cloudwatch';
import { DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DeleteUserPoolCommand, DescribeUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteTableCommand, DescribeTableCommand, ListTablesCommand, ListTagsOfResourceCommand } from '@aws-sdk/client-dynamodb';
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
} from '@aws-sdk/client-iam';
import {
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
} from '@aws-sdk/client-lambda';
import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetBucketTaggingCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { OUTPUTS_DIR, readOutputs, type StackOutputs } from './outputs.js';
import { isNamed, step, withHeartbeat } from './progress.js';
import { STACK, websiteBucketName } from './stack.js';
import { type Clients, clientsFor, type Target } from './target.js';

const GONE = [
  'ResourceNotFoundException',
  'NotFoundException',
  'NoSuchEntityException',
  'NoSuchEntity',
  'NoSuchBucket',
  'NoSuchDistribution',
];

type Tags = Record<string, string | undefined> | Array<{ Key?: string; Value?: string }> | undefined;

export function hasStackTag(tags: Tags): boolean {
  const list = Array.isArray(tags) ? tags : Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return list.some((t) => t.Key === STACK.tag.key && t.Value === STACK.tag.value);
}

/** One resource of the stack, found by its tag, with the way to remove it. */
interface Found {
  kind: string;
  name: string;
  remove: () => Promise<unknown>;
}

type Log = (line: string) => void;

/** Fetches every page of a listing. */
async function pages<P>(fetch: (token: string | undefined) => Promise<P>, next: (page: P) => string | undefined): Promise<P[]> {
  const all: P[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    all.push(page);
    token = next(page);
  } while (token);
  return all;
}

/** Keeps the items whose tags, read by `tagsOf`, carry the stack's tag. */
async function tagged<T>(items: T[], tagsOf: (item: T) => Promise<Tags>): Promise<T[]> {
  const keep = await Promise.all(
    items.map((item) =>
      tagsOf(item).then(
        (tags) => hasStackTag(tags),
        (err) => {
          if (isNamed(err, ...GONE, 'NoSuchTagSet', 'NoSuchTagSetError')) return false;
          throw err;
        },
      ),
    ),
  );
  return items.filter((_, i) => keep[i]);
}

async function distributions(clients: Clients, log: Log): Promise<Found[]> {
  const cf = clients.cloudfront;
  const all = (
    await pages(
      (Marker) => cf.send(new ListDistributionsCommand({ Marker })),
      (p) => (p.DistributionList?.IsTruncated ? p.DistributionList.NextMarker : undefined),
    )
  ).flatMap((p) => p.DistributionList?.Items ?? []);
  const ours = await tagged(all, async (d) => (await cf.send(new ListTagsForResourceCommand({ Resource: d.ARN! }))).Tags?.Items);
  return ours.map((d) => ({
    kind: 'distribution',
    name: `${d.Id} (${d.DomainName})`,
    remove: async () => {
      const { DistributionConfig, ETag } = await cf.send(new GetDistributionConfigCommand({ Id: d.Id! }));
      let etag = ETag;
      if (DistributionConfig?.Enabled) {
        log(`    … disabling distribution ${d.Id}; CloudFront takes several minutes to deploy that`);
        etag = (
          await cf.send(
            new UpdateDistributionCommand({ Id: d.Id!, IfMatch: ETag, DistributionConfig: { ...DistributionConfig, Enabled: false } }),
          )
        ).ETag;
      }
      await withHeartbeat(
        `waiting for distribution ${d.Id} to be deployed disabled`,
        () => waitUntilDistributionDeployed({ client: cf, maxWaitTime: 1800, minDelay: 10, maxDelay: 30 }, { Id: d.Id! }),
        log,
      );
      await cf.send(new DeleteDistributionCommand({ Id: d.Id!, IfMatch: etag }));
    },
  }));
}

async function restApis(clients: Clients): Promise<Found[]> {
  const api = clients.apigateway;
  const all = (
    await pages(
      (position) => api.send(new GetRestApisCommand({ limit: 500, position })),
      (p) => p.position,
    )
  ).flatMap((p) => p.items ?? []);
  return all
    .filter((a) => hasStackTag(a.tags))
    .map((a) => ({
      kind: 'REST API',
      name: `${a.name} (${a.id})`,
      remove: () => api.send(new DeleteRestApiCommand({ restApiId: a.id! })),
    }));
}

async function functions(clients: Clients): Promise<Found[]> {
  const lambda = clients.lambda;
  const all = (
    await pages(
      (Marker) => lambda.send(new ListFunctionsCommand({ Marker })),
      (p) => p.NextMarker,
    )
  ).flatMap((p) => p.Functions ?? []);
  const ours = await tagged(all, async (f) => (await lambda.send(new GetFunctionCommand({ FunctionName: f.FunctionName! }))).Tags);
  // Deleting a function leaves the event source mappings that invoke it (any version or alias).
  const mappings = (
    await pages(
      (Marker) => lambda.send(new ListEventSourceMappingsCommand({ Marker })),
      (p) => p.NextMarker,
    )
  ).flatMap((p) => p.EventSourceMappings ?? []);
  const mappingsOf = (functionArn: string) =>
    mappings.filter((m) => m.FunctionArn === functionArn || m.FunctionArn?.startsWith(`${functionArn}:`));
  return ours.map((f) => ({
    kind: 'function',
    name: f.FunctionName!,
    remove: async () => {
      for (const m of mappingsOf(f.FunctionArn!)) await lambda.send(new DeleteEventSourceMappingCommand({ UUID: m.UUID }));
      await lambda.send(new DeleteFunctionCommand({ FunctionName: f.FunctionName! }));
    },
  }));
}

async function alarms(clients: Clients): Promise<Found[]> {
  const cw = clients.cloudwatch;
  const all = (
    await pages(
      (NextToken) => cw.send(new DescribeAlarmsCommand({ NextToken })),
      (p) => p.NextToken,
    )
  ).flatMap((p) => p.MetricAlarms ?? []);
  const ours = await tagged(all, async (a) => (await cw.send(new ListAlarmTagsCommand({ ResourceARN: a.AlarmArn! }))).Tags);
  return ours.map((a) => ({
    kind: 'alarm',
    name: a.AlarmName!,
    remove: () => cw.send(new DeleteAlarmsCommand({ AlarmNames: [a.AlarmName!] })),
  }));
}

/** A function's log group goes with it, whether the provisioner or Lambda created it. */
function logGroups(clients: Clients, removedFunctions: string[]): Found[] {
  return removedFunctions.map((name) => ({
    kind: 'log group',
    name: `/aws/lambda/${name}`,
    remove: () => clients.logs.send(new DeleteLogGroupCommand({ logGroupName: `/aws/lambda/${name}` })),
  }));
}

async function roles(clients: Clients): Promise<Found[]> {
  const iam = clients.iam;
  const all = (
    await pages(
      (Marker) => iam.send(new ListRolesCommand({ Marker })),
      (p) => (p.IsTruncated ? p.Marker : undefined),
    )
  )
    .flatMap((p) => p.Roles ?? [])
    .filter((r) => !r.Path?.startsWith('/aws-service-role/'));
  const ours = await tagged(all, async (r) => (await iam.send(new ListRoleTagsCommand({ RoleName: r.RoleName! }))).Tags);
  return ours.map((r) => ({
    kind: 'role',
    name: r.RoleName!,
    remove: async () => {
      const RoleName = r.RoleName!;
      const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName }));
      for (const p of attached.AttachedPolicies ?? []) await iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn: p.PolicyArn }));
      const inline = await iam.send(new ListRolePoliciesCommand({ RoleName }));
      for (const PolicyName of inline.PolicyNames ?? []) await iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }));
      await iam.send(new DeleteRoleCommand({ RoleName }));
    },
  }));
}

async function userPools(clients: Clients): Promise<Found[]> {
  const cognito = clients.cognito;
  const all = (
    await pages(
      (NextToken) => cognito.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken })),
      (p) => p.NextToken,
    )
  ).flatMap((p) => p.UserPools ?? []);
  const ours = await tagged(
    all,
    async (p) => (await cognito.send(new DescribeUserPoolCommand({ UserPoolId: p.Id! }))).UserPool?.UserPoolTags,
  );
  return ours.map((p) => ({
    kind: 'user pool',
    name: `${p.Name} (${p.Id})`,
    remove: () => cognito.send(new DeleteUserPoolCommand({ UserPoolId: p.Id! })),
  }));
}

async function tables(clients: Clients): Promise<Found[]> {
  const ddb = clients.dynamodb;
  const names = (
    await pages(
      (ExclusiveStartTableName) => ddb.send(new ListTablesCommand({ ExclusiveStartTableName })),
      (p) => p.LastEvaluatedTableName,
    )
  ).flatMap((p) => p.TableNames ?? []);
  const ours = await tagged(names, async (TableName) => {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName }));
    return (await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: Table!.TableArn! }))).Tags;
  });
  return ours.map((name) => ({ kind: 'table', name, remove: () => ddb.send(new DeleteTableCommand({ TableName: name })) }));
}

async function emptyBucket(clients: Clients, Bucket: string): Promise<void> {
  for (;;) {
    const page = await clients.s3.send(new ListObjectsV2Command({ Bucket }));
    if (!page.Contents?.length) break;
    await clients.s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: page.Contents.map((o) => ({ Key: o.Key! })) } }));
  }
  // A bucket that ever had versioning keeps old versions and delete markers.
  const versions = await clients.s3.send(new ListObjectVersionsCommand({ Bucket })).catch(() => undefined);
  const leftovers = [...(versions?.Versions ?? []), ...(versions?.DeleteMarkers ?? [])].map((v) => ({
    Key: v.Key!,
    VersionId: v.VersionId,
  }));
  if (leftovers.length) await clients.s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: leftovers } }));
}

/** Buckets are global and regional at once: the candidates are the stack's bucket name here and the one in the outputs. */
async function buckets(clients: Clients, candidates: string[]): Promise<Found[]> {
  const ours = await tagged(
    [...new Set(candidates)],
    async (Bucket) => (await clients.s3.send(new GetBucketTaggingCommand({ Bucket }))).TagSet,
  );
  return ours.map((Bucket) => ({
    kind: 'bucket',
    name: Bucket,
    remove: async () => {
      await emptyBucket(clients, Bucket);
      await clients.s3.send(new DeleteBucketCommand({ Bucket }));
    },
  }));
}

function outputsOf(target: Target): StackOutputs | undefined {
  try {
    return readOutputs(target.name);
  } catch {
    return undefined;
  }
}

/** What the outputs file names that the tags did not claim (so it was left alone). */
function unclaimed(outputs: StackOutputs | undefined, found: Found[]): string[] {
  if (!outputs) return [];
  const names = found.map((f) => f.name).join('\n');
  const named = [
    ['REST API', outputs.apiId],
    ['user pool', outputs.userPoolId],
    ['bucket', outputs.websiteBucket],
    ...Object.keys(outputs.functions ?? {}).map((name) => ['function', name]),
  ] as Array<[string, string | undefined]>;
  return named
    .filter(([, id]) => id && !names.includes(id))
    .map(
      ([kind, id]) =>
        `${kind} ${id}: named in ${OUTPUTS_DIR}${outputs.target}.json but not tagged ${STACK.tag.key}=${STACK.tag.value} (or gone); left alone`,
    );
}

export interface TeardownOptions {
  log?: Log;
  /** Cross-check with outputs/<target>.json and remove it once the stack is gone (default true). */
  useOutputsFile?: boolean;
}

/** Removes every resource that carries the stack's tag; returns what could not be removed. */
export async function teardown(target: Target, options: TeardownOptions | Log = {}): Promise<string[]> {
  const log: Log = typeof options === 'function' ? options : (options.log ?? console.log);
  const clients = clientsFor(target);
  const failures: string[] = [];
  log(
    `Tearing down the chat stack in ${target.name}${target.endpoint && target.name !== 'aws' ? ` at ${target.endpoint}` : ''} (${target.region})`,
  );
  const { Account } = await clients.sts.send(new GetCallerIdentityCommand({}));
  const account = Account!;
  const outputs = typeof options === 'function' || options.useOutputsFile !== false ? outputsOf(target) : undefined;

  const removed: Found[] = [];
  const finders: Array<[string, () => Promise<Found[]>]> = [
    ['CloudFront distributions', () => distributions(clients, log)],
    ['alarms', () => alarms(clients)],
    ['REST APIs', () => restApis(clients)],
    ['functions', () => functions(clients)],
    [
      'log groups',
      async () =>
        logGroups(
          clients,
          removed.filter((r) => r.kind === 'function').map((r) => r.name),
        ),
    ],
    ['roles', () => roles(clients)],
    ['user pools', () => userPools(clients)],
    ['tables', () => tables(clients)],
    [
      'buckets',
      () =>
        buckets(clients, [
          websiteBucketName(account, target.region),
          ...(outputs?.region === target.region ? [outputs.websiteBucket] : []),
        ]),
    ],
  ];
  for (const [what, find] of finders) {
    let found: Found[];
    try {
      found = await find();
    } catch (err) {
      // Emulators may lack a service (CloudFront, CloudWatch alarms): then nothing of ours is there.
      if (target.name !== 'aws' && (what === 'CloudFront distributions' || what === 'alarms')) continue;
      failures.push(`${what}: could not list them (${(err as Error).name}: ${(err as Error).message})`);
      continue;
    }
    for (const resource of found) {
      try {
        await step(
          `${resource.kind} ${resource.name}`,
          () =>
            resource.remove().catch((err) => {
              if (!isNamed(err, ...GONE)) throw err;
            }),
          log,
        );
        removed.push(resource);
      } catch (err) {
        failures.push(`${resource.kind} ${resource.name}: ${(err as Error).name}: ${(err as Error).message}`);
      }
    }
  }
  if (!removed.length && !failures.length) log('  nothing tagged with the stack tag was found');
  for (const line of unclaimed(outputs, removed)) log(`  ! ${line}`);
  // The outputs describe a stack that is no longer there.
  if (outputs && !failures.length) rmSync(join(OUTPUTS_DIR, `${target.name}.json`), { force: true });
  return failures;
}
