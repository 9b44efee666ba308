import { createHash } from 'node:crypto';
import {
  AddPermissionCommand,
  type AddPermissionCommandInput,
  CreateAliasCommand,
  CreateFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  PublishVersionCommand,
  RemovePermissionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { isNamed, retry } from '../progress.js';
import { STACK } from '../stack.js';
import type { Clients } from '../target.js';

export interface FunctionSettings {
  name: string;
  roleArn: string;
  zip: Uint8Array;
  environment: Record<string, string>;
}

const API_GATEWAY_STATEMENT = 'apigateway-invoke';
const RUNTIME = 'nodejs20.x';
const WAIT = { maxWaitTime: 300, minDelay: 1, maxDelay: 5 };

/** A new role takes a few seconds before Lambda may assume it on AWS. */
const roleNotReady = (err: unknown) => isNamed(err, 'InvalidParameterValueException') && /role|assume/i.test((err as Error).message);

/** Creates the function or brings its code and configuration up to date. Returns its ARN. */
export async function ensureFunction(clients: Clients, settings: FunctionSettings): Promise<string> {
  const configuration = {
    FunctionName: settings.name,
    Role: settings.roleArn,
    Handler: 'index.handler',
    Runtime: RUNTIME,
    Timeout: 10,
    MemorySize: 256,
    Environment: { Variables: settings.environment },
  } as const;
  const existing = await clients.lambda.send(new GetFunctionCommand({ FunctionName: settings.name })).catch((err) => {
    if (isNamed(err, 'ResourceNotFoundException')) return undefined;
    throw err;
  });
  if (!existing) {
    const created = await retry(
      `creating ${settings.name}`,
      () =>
        clients.lambda.send(
          new CreateFunctionCommand({ ...configuration, Code: { ZipFile: settings.zip }, Tags: { [STACK.tag.key]: STACK.tag.value } }),
        ),
      roleNotReady,
    );
    await waitUntilFunctionActiveV2({ client: clients.lambda, ...WAIT }, { FunctionName: settings.name });
    return created.FunctionArn!;
  }
  const sha256 = createHash('sha256').update(settings.zip).digest('base64');
  if (existing.Configuration?.CodeSha256 !== sha256) {
    await clients.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: settings.name, ZipFile: settings.zip }));
    await waitUntilFunctionUpdatedV2({ client: clients.lambda, ...WAIT }, { FunctionName: settings.name });
  }
  await retry(
    `configuring ${settings.name}`,
    () => clients.lambda.send(new UpdateFunctionConfigurationCommand(configuration)),
    roleNotReady,
  );
  await waitUntilFunctionUpdatedV2({ client: clients.lambda, ...WAIT }, { FunctionName: settings.name });
  return existing.Configuration!.FunctionArn!;
}

/**
 * Aliases: `dev` follows $LATEST; `live` points at a published version and moves only on promote,
 * so stage prod keeps serving the promoted code while $LATEST changes.
 */
export async function ensureAliases(clients: Clients, functionName: string): Promise<{ live: string }> {
  await upsertAlias(clients, functionName, STACK.stages.dev, '$LATEST');
  try {
    const live = await clients.lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: STACK.stages.prod }));
    return { live: live.FunctionVersion! };
  } catch (err) {
    if (!isNamed(err, 'ResourceNotFoundException')) throw err;
  }
  const version = await publish(clients, functionName);
  await upsertAlias(clients, functionName, STACK.stages.prod, version);
  return { live: version };
}

/** Publishes $LATEST as a new version and moves alias `live` to it. */
export async function promote(clients: Clients, functionName: string): Promise<{ from?: string; to: string }> {
  const from = await clients.lambda
    .send(new GetAliasCommand({ FunctionName: functionName, Name: STACK.stages.prod }))
    .then((a) => a.FunctionVersion)
    .catch(() => undefined);
  const to = await publish(clients, functionName);
  await upsertAlias(clients, functionName, STACK.stages.prod, to);
  return { from, to };
}

async function publish(clients: Clients, functionName: string): Promise<string> {
  const published = await clients.lambda.send(new PublishVersionCommand({ FunctionName: functionName }));
  await waitUntilFunctionActiveV2({ client: clients.lambda, ...WAIT }, { FunctionName: functionName, Qualifier: published.Version });
  return published.Version!;
}

async function upsertAlias(clients: Clients, functionName: string, alias: string, version: string): Promise<void> {
  try {
    await clients.lambda.send(new CreateAliasCommand({ FunctionName: functionName, Name: alias, FunctionVersion: version }));
  } catch (err) {
    if (!isNamed(err, 'ResourceConflictException')) throw err;
    await clients.lambda.send(new UpdateAliasCommand({ FunctionName: functionName, Name: alias, FunctionVersion: version }));
  }
}

/** Lets the user pool invoke its trigger's alias. */
export async function allowCognito(clients: Clients, functionName: string, qualifier: string, userPoolArn: string): Promise<void> {
  await replacePermission(clients, {
    FunctionName: functionName,
    Qualifier: qualifier,
    StatementId: 'cognito-trigger',
    Action: 'lambda:InvokeFunction',
    Principal: 'cognito-idp.amazonaws.com',
    SourceArn: userPoolArn,
  });
}

/** Adds a permission statement, replacing one of the same id (perhaps for a resource since deleted). */
async function replacePermission(clients: Clients, input: AddPermissionCommandInput): Promise<void> {
  try {
    await clients.lambda.send(new AddPermissionCommand(input));
  } catch (err) {
    if (!isNamed(err, 'ResourceConflictException')) throw err;
    await clients.lambda.send(
      new RemovePermissionCommand({ FunctionName: input.FunctionName, Qualifier: input.Qualifier, StatementId: input.StatementId }),
    );
    await clients.lambda.send(new AddPermissionCommand(input));
  }
}

/** Lets API Gateway invoke the function's alias from one route of the API (any stage). */
export async function allowApiGateway(clients: Clients, functionName: string, qualifier: string, sourceArn: string): Promise<void> {
  await replacePermission(clients, {
    FunctionName: functionName,
    Qualifier: qualifier,
    StatementId: API_GATEWAY_STATEMENT,
    Action: 'lambda:InvokeFunction',
    Principal: 'apigateway.amazonaws.com',
    SourceArn: sourceArn,
  });
}
