import { DeleteRestApiCommand } from '@aws-sdk/client-api-gateway';
import { DeleteUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { DeleteFunctionCommand } from '@aws-sdk/client-lambda';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { readOutputs } from './outputs.js';
import { isNamed, step } from './progress.js';
import { FUNCTIONS, STACK } from './stack.js';
import { clientsFor, type Target } from './target.js';

const GONE = ['ResourceNotFoundException', 'NotFoundException', 'NoSuchEntityException', 'NoSuchEntity', 'NoSuchBucket'];

/** Runs one removal; a resource already gone is fine, anything else is reported and the rest goes on. */
async function remove(label: string, run: () => Promise<unknown>, failures: string[], log: (line: string) => void) {
  try {
    await step(
      label,
      async () => {
        try {
          await run();
        } catch (err) {
          if (!isNamed(err, ...GONE)) throw err;
        }
      },
      log,
    );
  } catch (err) {
    failures.push(`${label}: ${(err as Error).message}`);
  }
}

/** Removes the stack in dependency order: API, functions, roles, user pool, tables, website bucket. */
export async function teardown(target: Target, log: (line: string) => void = console.log): Promise<string[]> {
  const clients = clientsFor(target);
  const outputs = readOutputs(target.name);
  const failures: string[] = [];
  log(`Tearing down the chat stack in ${target.name} (${target.region})`);
  await remove(
    `REST API ${outputs.apiId}`,
    () => clients.apigateway.send(new DeleteRestApiCommand({ restApiId: outputs.apiId })),
    failures,
    log,
  );
  for (const fn of FUNCTIONS) {
    await remove(`function ${fn.name}`, () => clients.lambda.send(new DeleteFunctionCommand({ FunctionName: fn.name })), failures, log);
  }
  for (const role of Object.values(STACK.roles)) {
    await remove(
      `role ${role}`,
      async () => {
        const attached = await clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }));
        for (const p of attached.AttachedPolicies ?? [])
          await clients.iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: p.PolicyArn }));
        const inline = await clients.iam.send(new ListRolePoliciesCommand({ RoleName: role }));
        for (const name of inline.PolicyNames ?? [])
          await clients.iam.send(new DeleteRolePolicyCommand({ RoleName: role, PolicyName: name }));
        await clients.iam.send(new DeleteRoleCommand({ RoleName: role }));
      },
      failures,
      log,
    );
  }
  await remove(
    `user pool ${STACK.userPool}`,
    async () => {
      const { UserPools } = await clients.cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
      for (const pool of UserPools ?? []) {
        if (pool.Id === outputs.userPoolId) await clients.cognito.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id }));
      }
    },
    failures,
    log,
  );
  for (const table of [STACK.tables.messages, STACK.tables.conversations]) {
    await remove(`table ${table}`, () => clients.dynamodb.send(new DeleteTableCommand({ TableName: table })), failures, log);
  }
  await remove(
    `bucket ${outputs.websiteBucket}`,
    async () => {
      for (;;) {
        const page = await clients.s3.send(new ListObjectsV2Command({ Bucket: outputs.websiteBucket }));
        if (!page.Contents?.length) break;
        await clients.s3.send(
          new DeleteObjectsCommand({ Bucket: outputs.websiteBucket, Delete: { Objects: page.Contents.map((o) => ({ Key: o.Key! })) } }),
        );
      }
      await clients.s3.send(new DeleteBucketCommand({ Bucket: outputs.websiteBucket }));
    },
    failures,
    log,
  );
  return failures;
}
