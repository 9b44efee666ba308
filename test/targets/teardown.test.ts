import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, ListEventSourceMappingsCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provision } from '../../provision/provision.js';
import { teardown } from '../../provision/teardown.js';
import { startTestCloud, type TestCloud } from '../local-cloud.js';

describe('teardown finds the stack by its tag', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(() => cloud?.close());

  it('removes everything tagged, in dependency order, and leaves untagged resources alone', { timeout: 180_000 }, async () => {
    const target = { name: 'local' as const, region: 'us-east-1', endpoint: cloud.url };
    await provision(target, () => {});
    const mappings = await new LambdaClient(cloud.clientConfig).send(new ListEventSourceMappingsCommand({}));
    expect(mappings.EventSourceMappings?.map((m) => m.FunctionArn?.split(':').slice(-2).join(':'))).toEqual(['Chat-Messages-Stream:live']);
    const ddb = new DynamoDBClient(cloud.clientConfig);
    const iam = new IAMClient(cloud.clientConfig);
    await ddb.send(
      new CreateTableCommand({
        TableName: 'Someone-Else',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'Id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'Id', KeyType: 'HASH' }],
      }),
    );
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    };
    await iam.send(new CreateRoleCommand({ RoleName: 'Someone-Elses-Role', AssumeRolePolicyDocument: JSON.stringify(trust) }));

    const lines: string[] = [];
    const failures = await teardown(target, { log: (line) => lines.push(line), useOutputsFile: false });
    expect(failures).toEqual([]);

    // Dependency order; a CloudFront distribution and alarms, when the stack has them, go first.
    const order = ['distribution', 'alarm', 'REST API', 'function', 'log group', 'role', 'user pool', 'table', 'bucket'];
    const kinds = lines.filter((l) => l.includes('✓')).map((l) => order.findIndex((k) => l.startsWith(`  ✓ ${k} `)));
    expect(kinds).not.toContain(-1);
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    const required = ['REST API', 'function', 'log group', 'role', 'user pool', 'table', 'bucket'];
    expect(required.filter((k) => !kinds.includes(order.indexOf(k)))).toEqual([]);

    expect((await ddb.send(new ListTablesCommand({}))).TableNames).toEqual(['Someone-Else']);
    expect((await iam.send(new ListRolesCommand({}))).Roles?.map((r) => r.RoleName)).toEqual(['Someone-Elses-Role']);
    const lambda = new LambdaClient(cloud.clientConfig);
    expect((await lambda.send(new ListFunctionsCommand({}))).Functions).toEqual([]);
    expect((await lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings).toEqual([]);
    expect((await new S3Client(cloud.clientConfig).send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);

    // A second run finds nothing and says so.
    const again: string[] = [];
    expect(await teardown(target, { log: (line) => again.push(line), useOutputsFile: false })).toEqual([]);
    expect(again.join('\n')).toContain('nothing tagged with the stack tag was found');
  });
});
