import { performance } from 'node:perf_hooks';
import {
  AddPermissionCommand,
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  InvokeCommand,
  type InvokeCommandInput,
  ListAliasesCommand,
  PublishVersionCommand,
  RemovePermissionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, type LambdaTestEdge, ROLE, startLambdaTestEdge, versionedCode } from './test-support.js';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function';

describe('Lambda aliases', () => {
  let edge: LambdaTestEdge;
  const invoke = (name: string, extra: Partial<InvokeCommandInput> = {}, event: unknown = {}) =>
    edge.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)), ...extra }));
  /** A function with versions 1..n, version k running code `v<k>`, and `$LATEST` running `latest`. */
  const withVersions = async (name: string, count: number) => {
    for (let k = 1; k <= count; k++) {
      const code = versionedCode(`v${k}`);
      if (k === 1) {
        await edge.lambda.send(
          new CreateFunctionCommand({
            FunctionName: name,
            Runtime: 'nodejs20.x',
            Role: ROLE,
            Handler: 'index.handler',
            Code: { ZipFile: code },
          }),
        );
      } else {
        await edge.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: code }));
      }
      await edge.lambda.send(new PublishVersionCommand({ FunctionName: name }));
    }
    await edge.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: versionedCode('latest') }));
  };

  beforeAll(async () => {
    edge = await startLambdaTestEdge();
    await withVersions('alias-fn', 3);
  });
  afterAll(async () => edge.close());

  it('creates, gets, lists, updates and deletes aliases', async () => {
    const created = await edge.lambda.send(
      new CreateAliasCommand({ FunctionName: 'alias-fn', Name: 'live', FunctionVersion: '1', Description: 'production' }),
    );
    expect(created).toMatchObject({
      AliasArn: `${ARN}:alias-fn:live`,
      Name: 'live',
      FunctionVersion: '1',
      Description: 'production',
      RevisionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(created.RoutingConfig).toBeUndefined();
    expect(created.$metadata.httpStatusCode).toBe(201);
    await edge.lambda.send(new CreateAliasCommand({ FunctionName: `${ARN}:alias-fn`, Name: 'beta', FunctionVersion: '2' }));
    await edge.lambda.send(new CreateAliasCommand({ FunctionName: 'alias-fn', Name: 'dev', FunctionVersion: '$LATEST' }));

    const got = await edge.lambda.send(new GetAliasCommand({ FunctionName: 'alias-fn', Name: 'live' }));
    expect(got).toMatchObject({ AliasArn: `${ARN}:alias-fn:live`, FunctionVersion: '1', RevisionId: created.RevisionId });

    const listed = await edge.lambda.send(new ListAliasesCommand({ FunctionName: 'alias-fn' }));
    expect(listed.Aliases?.map((a) => [a.Name, a.FunctionVersion, a.Description])).toEqual([
      ['beta', '2', ''],
      ['dev', '$LATEST', ''],
      ['live', '1', 'production'],
    ]);
    const onTwo = await edge.lambda.send(new ListAliasesCommand({ FunctionName: 'alias-fn', FunctionVersion: '2' }));
    expect(onTwo.Aliases?.map((a) => a.Name)).toEqual(['beta']);
    const first = await edge.lambda.send(new ListAliasesCommand({ FunctionName: 'alias-fn', MaxItems: 2 }));
    expect(first.Aliases?.map((a) => a.Name)).toEqual(['beta', 'dev']);
    const rest = await edge.lambda.send(new ListAliasesCommand({ FunctionName: 'alias-fn', MaxItems: 2, Marker: first.NextMarker }));
    expect(rest.Aliases?.map((a) => a.Name)).toEqual(['live']);
    expect(rest.NextMarker).toBeUndefined();

    const updated = await edge.lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'alias-fn',
        Name: 'beta',
        FunctionVersion: '3',
        RevisionId: (await edge.lambda.send(new GetAliasCommand({ FunctionName: 'alias-fn', Name: 'beta' }))).RevisionId,
      }),
    );
    expect(updated).toMatchObject({ FunctionVersion: '3', Description: '' });
    const described = await edge.lambda.send(new UpdateAliasCommand({ FunctionName: 'alias-fn', Name: 'beta', Description: 'next' }));
    expect(described).toMatchObject({ FunctionVersion: '3', Description: 'next' });
    expect(described.RevisionId).not.toBe(updated.RevisionId);
    await expect(
      edge.lambda.send(
        new UpdateAliasCommand({ FunctionName: 'alias-fn', Name: 'beta', FunctionVersion: '2', RevisionId: updated.RevisionId }),
      ),
    ).rejects.toMatchObject({ name: 'PreconditionFailedException' });

    await edge.lambda.send(new DeleteAliasCommand({ FunctionName: 'alias-fn', Name: 'dev' }));
    await expect(edge.lambda.send(new GetAliasCommand({ FunctionName: 'alias-fn', Name: 'dev' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Cannot find alias arn: ${ARN}:alias-fn:dev`,
      $metadata: { httpStatusCode: 404 },
    });
    // Deleting an alias that is not there succeeds, as on AWS.
    const again = await edge.lambda.send(new DeleteAliasCommand({ FunctionName: 'alias-fn', Name: 'dev' }));
    expect(again.$metadata.httpStatusCode).toBe(204);
  });

  it('refuses bad aliases with AWS errors', async () => {
    const create = (input: Partial<ConstructorParameters<typeof CreateAliasCommand>[0]>) =>
      edge.lambda.send(new CreateAliasCommand({ FunctionName: 'alias-fn', Name: 'x', FunctionVersion: '1', ...input }));
    await expect(create({ Name: 'live' })).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: `Alias already exists: ${ARN}:alias-fn:live`,
      $metadata: { httpStatusCode: 409 },
    });
    await expect(create({ Name: '123' })).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '123' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)",
    });
    await expect(create({ Name: 'has.dot' })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(create({ FunctionVersion: 'one' })).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'one' at 'functionVersion' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)",
    });
    await expect(create({ FunctionVersion: '99' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:alias-fn:99`,
    });
    await expect(create({ FunctionName: 'missing-fn' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:missing-fn`,
    });
    const routing = (weights: Record<string, number>, version = '1') =>
      create({ Name: 'weighted', FunctionVersion: version, RoutingConfig: { AdditionalVersionWeights: weights } });
    await expect(routing({ '2': 0.1, '3': 0.1 })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Number of items in AdditionalVersionWeights cannot be greater than 1',
    });
    await expect(routing({ '1': 0.5 })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Invalid function version 1. Function version 1 is already included in routing configuration.',
    });
    await expect(routing({ '2': 0.5 }, '$LATEST')).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: '$LATEST is not supported for an alias pointing to more than 1 version',
    });
    await expect(routing({ $LATEST: 0.5 })).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining(
        "Value '{$LATEST=0.5}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys",
      ),
    });
    await expect(routing({ '2': 1.5 })).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining(
        "Value '{2=1.5}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value",
      ),
    });
    await expect(routing({ '42': 0.5 })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:alias-fn:42`,
    });
    await expect(
      edge.lambda.send(new UpdateAliasCommand({ FunctionName: 'alias-fn', Name: 'nope', FunctionVersion: '1' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Alias not found: ${ARN}:alias-fn:nope`,
    });
    await expect(
      edge.lambda.send(new UpdateAliasCommand({ FunctionName: 'alias-fn', Name: 'live', FunctionVersion: '7' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:alias-fn:7`,
    });
    await expect(edge.lambda.send(new DeleteFunctionCommand({ FunctionName: 'alias-fn', Qualifier: '1' }))).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: 'Unable to delete version because the following aliases reference it: [live]',
    });
  });

  it('invokes through the alias by name, qualifier, full and partial ARN, naming the version that ran', async () => {
    for (const [functionName, qualifier] of [
      ['alias-fn:live', undefined],
      ['alias-fn', 'live'],
      [`${ARN}:alias-fn:live`, undefined],
      [`${ARN}:alias-fn`, 'live'],
      ['000000000000:function:alias-fn:live', undefined],
    ] as const) {
      const result = await invoke(functionName, qualifier ? { Qualifier: qualifier, LogType: 'Tail' } : { LogType: 'Tail' });
      expect(result.ExecutedVersion).toBe('1');
      expect(decode(result.Payload)).toMatchObject({
        marker: 'v1',
        version: '1',
        functionVersion: '1',
        invokedFunctionArn: `${ARN}:alias-fn:live`,
        logStreamName: expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}\/\[1\][0-9a-f]{32}$/),
      });
      const tail = Buffer.from(result.LogResult!, 'base64').toString();
      expect(tail).toMatch(/START RequestId: \S+ Version: 1\n/);
      expect(tail).toContain('running v1');
      expect(tail).toMatch(/REPORT RequestId: /);
    }
    await expect(invoke('alias-fn:live', { Qualifier: 'beta' })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'The derived qualifier from the function name does not match the specified qualifier.',
    });
    await expect(invoke('alias-fn:nope')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:alias-fn:nope`,
    });
    expect(decode((await invoke('alias-fn', { Qualifier: '3' })).Payload).marker).toBe('v3');

    const viaGet = await edge.lambda.send(new GetFunctionCommand({ FunctionName: 'alias-fn:live' }));
    expect(viaGet.Configuration).toMatchObject({ FunctionArn: `${ARN}:alias-fn:live`, Version: '1' });
    const viaConfig = await edge.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'alias-fn', Qualifier: 'live' }));
    expect(viaConfig).toMatchObject({ FunctionArn: `${ARN}:alias-fn:live`, Version: '1' });

    // Moving the alias moves its invocations.
    await edge.lambda.send(new UpdateAliasCommand({ FunctionName: 'alias-fn', Name: 'live', FunctionVersion: '2' }));
    const moved = await invoke('alias-fn:live');
    expect(moved.ExecutedVersion).toBe('2');
    expect(decode(moved.Payload).marker).toBe('v2');
    await edge.lambda.send(new UpdateAliasCommand({ FunctionName: 'alias-fn', Name: 'live', FunctionVersion: '1' }));
  });

  it('splits invocations of a weighted alias between its two versions', async () => {
    await edge.lambda.send(
      new CreateAliasCommand({
        FunctionName: 'alias-fn',
        Name: 'canary',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } },
      }),
    );
    const got = await edge.lambda.send(new GetAliasCommand({ FunctionName: 'alias-fn', Name: 'canary' }));
    expect(got.RoutingConfig).toEqual({ AdditionalVersionWeights: { '2': 0.5 } });
    const ran = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const result = await invoke('alias-fn:canary');
      const body = decode(result.Payload);
      expect(body.marker).toBe(`v${result.ExecutedVersion}`);
      expect(body.invokedFunctionArn).toBe(`${ARN}:alias-fn:canary`);
      ran.set(result.ExecutedVersion!, (ran.get(result.ExecutedVersion!) ?? 0) + 1);
    }
    expect([...ran.keys()].sort()).toEqual(['1', '2']);

    // Weight 0 sends nothing to the additional version; an empty map removes the routing.
    await edge.lambda.send(
      new UpdateAliasCommand({ FunctionName: 'alias-fn', Name: 'canary', RoutingConfig: { AdditionalVersionWeights: { '3': 0 } } }),
    );
    for (let i = 0; i < 10; i++) expect((await invoke('alias-fn:canary')).ExecutedVersion).toBe('1');
    const cleared = await edge.lambda.send(
      new UpdateAliasCommand({ FunctionName: 'alias-fn', Name: 'canary', RoutingConfig: { AdditionalVersionWeights: {} } }),
    );
    expect(cleared.RoutingConfig).toBeUndefined();
    await expect(
      edge.lambda.send(
        new UpdateAliasCommand({
          FunctionName: 'alias-fn',
          Name: 'canary',
          FunctionVersion: '$LATEST',
          RoutingConfig: { AdditionalVersionWeights: { '2': 0.2 } },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: '$LATEST is not supported for an alias pointing to more than 1 version',
    });
  });

  it('keeps a resource policy per alias, separate from the function and version policies', async () => {
    const sourceArn = 'arn:aws:execute-api:us-east-1:000000000000:api123/*/GET/chat';
    const added = await edge.lambda.send(
      new AddPermissionCommand({
        FunctionName: 'alias-fn',
        Qualifier: 'live',
        StatementId: 'apigw-live',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: sourceArn,
      }),
    );
    expect(JSON.parse(added.Statement!)).toMatchObject({ Resource: `${ARN}:alias-fn:live` });
    await expect(edge.lambda.send(new GetPolicyCommand({ FunctionName: 'alias-fn' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The resource you requested does not exist.',
    });
    const policy = await edge.lambda.send(new GetPolicyCommand({ FunctionName: 'alias-fn:live' }));
    expect(JSON.parse(policy.Policy!).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['apigw-live']);
    // The policy's RevisionId is the alias's, which the permission changed.
    const alias = await edge.lambda.send(new GetAliasCommand({ FunctionName: 'alias-fn', Name: 'live' }));
    expect(policy.RevisionId).toBe(alias.RevisionId);

    // The same statement id may exist on the function, a version and an alias.
    await edge.lambda.send(
      new AddPermissionCommand({
        FunctionName: 'alias-fn',
        Qualifier: '1',
        StatementId: 'apigw-live',
        Action: 'lambda:InvokeFunction',
        Principal: 's3.amazonaws.com',
      }),
    );
    await expect(
      edge.lambda.send(
        new AddPermissionCommand({
          FunctionName: 'alias-fn:live',
          StatementId: 'apigw-live',
          Action: 'lambda:InvokeFunction',
          Principal: 's3.amazonaws.com',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceConflictException' });
    await expect(
      edge.lambda.send(
        new AddPermissionCommand({
          FunctionName: 'alias-fn',
          Qualifier: '$LATEST',
          StatementId: 's',
          Action: 'lambda:InvokeFunction',
          Principal: 's3.amazonaws.com',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'We currently do not support adding policies for $LATEST.',
    });
    await expect(
      edge.lambda.send(
        new AddPermissionCommand({
          FunctionName: 'alias-fn',
          Qualifier: 'ghost',
          StatementId: 's',
          Action: 'lambda:InvokeFunction',
          Principal: 's3.amazonaws.com',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: `Cannot find alias arn: ${ARN}:alias-fn:ghost` });
    await expect(
      edge.lambda.send(
        new AddPermissionCommand({
          FunctionName: 'alias-fn',
          Qualifier: '9',
          StatementId: 's',
          Action: 'lambda:InvokeFunction',
          Principal: 's3.amazonaws.com',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: `Function not found: ${ARN}:alias-fn:9` });

    // What API Gateway calls: the qualified ARN of its integration URI, checked against that qualifier's policy.
    const request = (functionName: string) => ({
      account: '000000000000',
      region: 'us-east-1',
      functionName,
      payload: Buffer.from('{"via":"apigateway"}'),
      principal: 'apigateway.amazonaws.com',
      sourceArn: 'arn:aws:execute-api:us-east-1:000000000000:api123/prod/GET/chat',
    });
    const viaAlias = await edge.service.invoke(request(`${ARN}:alias-fn:live`));
    expect(viaAlias).toMatchObject({ statusCode: 200, executedVersion: '1' });
    expect(decode(viaAlias.payload)).toMatchObject({ marker: 'v1', invokedFunctionArn: `${ARN}:alias-fn:live` });
    for (const other of [`${ARN}:alias-fn`, `${ARN}:alias-fn:1`, `${ARN}:alias-fn:beta`, 'alias-fn:$LATEST']) {
      await expect(edge.service.invoke(request(other))).rejects.toMatchObject({ code: 'AccessDeniedException' });
    }
    await expect(
      edge.service.invoke({
        ...request(`${ARN}:alias-fn:live`),
        sourceArn: 'arn:aws:execute-api:us-east-1:000000000000:other/prod/GET/chat',
      }),
    ).rejects.toMatchObject({
      code: 'AccessDeniedException',
      message: expect.stringContaining(`on resource: ${ARN}:alias-fn:live because no resource-based policy allows`),
    });

    await edge.lambda.send(new RemovePermissionCommand({ FunctionName: 'alias-fn', Qualifier: 'live', StatementId: 'apigw-live' }));
    await expect(edge.lambda.send(new GetPolicyCommand({ FunctionName: 'alias-fn', Qualifier: 'live' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(edge.service.invoke(request(`${ARN}:alias-fn:live`))).rejects.toMatchObject({ code: 'AccessDeniedException' });
    // The version's statement is still there.
    expect((await edge.lambda.send(new GetPolicyCommand({ FunctionName: 'alias-fn', Qualifier: '1' }))).Policy).toContain(
      's3.amazonaws.com',
    );
  });

  it('prints the round trips of a cold and of warm invocations through an alias', async () => {
    await edge.lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'timed-fn',
        Runtime: 'nodejs20.x',
        Role: ROLE,
        Handler: 'index.handler',
        Code: { ZipFile: versionedCode('t') },
        Publish: true,
      }),
    );
    await edge.lambda.send(new CreateAliasCommand({ FunctionName: 'timed-fn', Name: 'live', FunctionVersion: '1' }));
    let started = performance.now();
    expect((await invoke('timed-fn:live')).ExecutedVersion).toBe('1');
    const cold = performance.now() - started;
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) {
      started = performance.now();
      await invoke('timed-fn:live');
      warm.push(performance.now() - started);
    }
    warm.sort((a, b) => a - b);
    console.log(
      `[lambda timing] alias Invoke: cold ${cold.toFixed(1)} ms; warm median ${warm[10]!.toFixed(1)} ms, min ${warm[0]!.toFixed(1)} ms, max ${warm[19]!.toFixed(1)} ms`,
    );
  });
});
