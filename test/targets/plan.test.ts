import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRead, permissionsFor, planFor, renderPlan } from '../../provision/plan.js';
import { FUNCTIONS, STACK, websiteBucketName } from '../../provision/stack.js';
import { conversationsTable, messagesTable } from '../../provision/steps/tables.js';

describe('dry run on --target aws', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('lists every resource of a fresh account with the call that creates it, and nothing leaves the process', {
    timeout: 180_000,
  }, async () => {
    // Were the default credential chain or a configured endpoint consulted, these would break the run.
    vi.stubEnv('AWS_PROFILE', 'no-such-profile-anywhere');
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://192.0.2.1:9');
    const plan = await planFor({ name: 'aws', region: 'eu-west-1' });

    expect(new Set([...plan.calls, ...plan.rerunCalls].map((c) => c.host))).toEqual(new Set([plan.cloudHost]));
    expect(plan.cloudHost).toMatch(/^127\.0\.0\.1:\d+$/);

    const writes = plan.calls.filter((c) => !isRead(c.command) && !c.error);
    const created = (command: string, field: string) =>
      writes.filter((c) => c.command === command).map((c) => (c.input as Record<string, unknown>)[field]);
    expect(created('CreateTableCommand', 'TableName')).toEqual(
      expect.arrayContaining([messagesTable.TableName, conversationsTable.TableName]),
    );
    expect(created('CreateRoleCommand', 'RoleName')).toEqual(expect.arrayContaining(Object.values(STACK.roles)));
    expect(created('PutRolePolicyCommand', 'RoleName')).toEqual(expect.arrayContaining([STACK.roles.chat, STACK.roles.cognito]));
    expect(created('CreateFunctionCommand', 'FunctionName')).toEqual(expect.arrayContaining(FUNCTIONS.map((f) => f.name)));
    expect(created('CreateUserPoolCommand', 'PoolName')).toEqual([STACK.userPool]);
    expect(created('CreateUserPoolClientCommand', 'ClientName')).toEqual([STACK.userPoolClient]);
    expect(created('CreateRestApiCommand', 'name')).toEqual([STACK.api]);
    expect(created('CreateDeploymentCommand', 'restApiId').length).toBeGreaterThan(0);
    expect(created('CreateBucketCommand', 'Bucket')).toEqual([websiteBucketName('000000000000', 'eu-west-1')]);
    expect(created('PutObjectCommand', 'Key')).toContain('config.json');

    // Zips appear by size and digest, never as bytes.
    const zip = writes.find((c) => c.command === 'CreateFunctionCommand')!.input as { Code: { ZipFile: string } };
    expect(zip.Code.ZipFile).toMatch(/^<\d+ bytes, sha256 [A-Za-z0-9+/=]+>$/);

    const text = renderPlan(plan);
    expect(text).toMatch(/^Plan for a fresh account: provisioning the chat stack into AWS, region eu-west-1\./);
    for (const name of [
      messagesTable.TableName!,
      conversationsTable.TableName!,
      ...Object.values(STACK.roles),
      ...FUNCTIONS.map((f) => f.name),
      STACK.userPool,
      STACK.api,
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('chat-website-<account>-eu-west-1');
    expect(text).not.toContain('000000000000');
    // The re-run takes the update path; both runs' calls make the deployer's permissions.
    expect(plan.rerunCalls.some((c) => c.command === 'UpdateUserPoolClientCommand')).toBe(true);
    const permissions = permissionsFor([...plan.calls, ...plan.rerunCalls]);
    expect(permissions.get('iam')).toEqual(expect.arrayContaining(['CreateRole', 'PassRole', 'PutRolePolicy']));
    expect(permissions.get('dynamodb')).toContain('CreateTable');
    expect(permissions.get('apigateway')).toEqual(expect.arrayContaining(['POST', 'PUT']));
    expect(permissions.get('s3')).toContain('PutBucketPublicAccessBlock');
    expect(permissions.has('sts')).toBe(false);
    expect(text).toContain('iam:PassRole');
    expect(text).not.toContain(plan.cloudHost);

    // Steps appear as the provisioner labels them, so a new step shows up without being listed anywhere.
    expect(text).toContain(`● user pool ${STACK.userPool}`);
  });
});
