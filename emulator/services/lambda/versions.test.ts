import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  type InvokeCommandInput,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, type LambdaTestEdge, ROLE, startLambdaTestEdge, versionedCode } from './test-support.js';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function';
const STREAM = (version: string) => new RegExp(`^\\d{4}/\\d{2}/\\d{2}/\\[${version.replace('$', '\\$')}\\][0-9a-f]{32}$`);

describe('Lambda versions', () => {
  let edge: LambdaTestEdge;
  const create = (name: string, marker = 'A') =>
    edge.lambda.send(
      new CreateFunctionCommand({
        FunctionName: name,
        Runtime: 'nodejs20.x',
        Role: ROLE,
        Handler: 'index.handler',
        Code: { ZipFile: versionedCode(marker) },
      }),
    );
  const invoke = (name: string, extra: Partial<InvokeCommandInput> = {}, event: unknown = {}) =>
    edge.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)), ...extra }));

  beforeAll(async () => {
    edge = await startLambdaTestEdge();
  });
  afterAll(async () => edge.close());

  it('publishes versions, checking CodeSha256 and RevisionId, and returns the newest version when nothing changed', async () => {
    const created = await create('pub-fn');
    const v1 = await edge.lambda.send(new PublishVersionCommand({ FunctionName: 'pub-fn', Description: 'first' }));
    expect(v1).toMatchObject({
      Version: '1',
      FunctionArn: `${ARN}:pub-fn:1`,
      CodeSha256: created.CodeSha256,
      Description: 'first',
      State: 'Active',
    });
    expect(v1.LastUpdateStatus).toBeUndefined();
    expect(v1.$metadata.httpStatusCode).toBe(201);

    const again = await edge.lambda.send(new PublishVersionCommand({ FunctionName: 'pub-fn', Description: 'other words' }));
    expect(again).toMatchObject({ Version: '1', RevisionId: v1.RevisionId, Description: 'first' });

    await expect(
      edge.lambda.send(new PublishVersionCommand({ FunctionName: 'pub-fn', CodeSha256: 'bm90IHRoZSBoYXNo' })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: `CodeSHA256 (bm90IHRoZSBoYXNo) is different from current CodeSHA256 in $LATEST (${created.CodeSha256}). Please try again with the CodeSHA256 in $LATEST.`,
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      edge.lambda.send(new PublishVersionCommand({ FunctionName: 'pub-fn', RevisionId: created.RevisionId })),
    ).rejects.toMatchObject({
      name: 'PreconditionFailedException',
      message:
        'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
    });

    const updated = await edge.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'pub-fn', ZipFile: versionedCode('B') }));
    const v2 = await edge.lambda.send(
      new PublishVersionCommand({ FunctionName: 'pub-fn', CodeSha256: updated.CodeSha256, RevisionId: updated.RevisionId }),
    );
    expect(v2).toMatchObject({ Version: '2', CodeSha256: updated.CodeSha256, Description: '' });
    // Publishing gives $LATEST a new RevisionId.
    const latest = await edge.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'pub-fn' }));
    expect(latest.RevisionId).not.toBe(updated.RevisionId);

    await edge.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'pub-fn', Timeout: 7 }));
    expect((await edge.lambda.send(new PublishVersionCommand({ FunctionName: 'pub-fn' }))).Version).toBe('3');
    await expect(edge.lambda.send(new PublishVersionCommand({ FunctionName: 'no-such-fn' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:no-such-fn`,
    });
  });

  it('lists versions, $LATEST first, page by page with Marker and MaxItems', async () => {
    const all = await edge.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'pub-fn' }));
    expect(all.Versions?.map((v) => [v.Version, v.FunctionArn, v.Timeout])).toEqual([
      ['$LATEST', `${ARN}:pub-fn:$LATEST`, 7],
      ['1', `${ARN}:pub-fn:1`, 3],
      ['2', `${ARN}:pub-fn:2`, 3],
      ['3', `${ARN}:pub-fn:3`, 7],
    ]);
    expect(all.NextMarker).toBeUndefined();
    expect(all.Versions?.[0]?.State).toBeUndefined();

    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await edge.lambda.send(
        new ListVersionsByFunctionCommand({ FunctionName: `${ARN}:pub-fn`, MaxItems: 3, Marker: marker }),
      );
      seen.push(...(page.Versions ?? []).map((v) => v.Version!));
      marker = page.NextMarker;
      pages++;
    } while (marker);
    expect(seen).toEqual(['$LATEST', '1', '2', '3']);
    expect(pages).toBe(2);

    await expect(edge.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'pub-fn', MaxItems: 0 }))).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
    await expect(edge.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'no-such-fn' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('keeps each version an immutable snapshot with its own environments, log streams and AWS_LAMBDA_FUNCTION_VERSION', async () => {
    await create('snap-fn', 'old');
    await edge.lambda.send(new PublishVersionCommand({ FunctionName: 'snap-fn' }));
    await edge.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'snap-fn', ZipFile: versionedCode('new') }));
    await edge.lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'snap-fn', Timeout: 9, Environment: { Variables: { STAGE: 'next' } } }),
    );

    const one = await invoke('snap-fn', { Qualifier: '1', LogType: 'Tail' });
    expect(one.ExecutedVersion).toBe('1');
    const fromOne = decode(one.Payload);
    expect(fromOne).toMatchObject({ marker: 'old', version: '1', functionVersion: '1', invokedFunctionArn: `${ARN}:snap-fn:1` });
    expect(fromOne.logStreamName).toMatch(STREAM('1'));
    expect(Buffer.from(one.LogResult!, 'base64').toString()).toMatch(/START RequestId: \S+ Version: 1\n/);

    const latest = await invoke('snap-fn');
    expect(latest.ExecutedVersion).toBe('$LATEST');
    const fromLatest = decode(latest.Payload);
    expect(fromLatest).toMatchObject({ marker: 'new', version: '$LATEST', invokedFunctionArn: `${ARN}:snap-fn` });
    expect(fromLatest.logStreamName).toMatch(STREAM('$LATEST'));
    expect(fromLatest.pid).not.toBe(fromOne.pid);

    // Version 1 stays warm in its own environment while $LATEST changes again.
    await edge.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'snap-fn', ZipFile: versionedCode('newer') }));
    const oneAgain = decode((await invoke('snap-fn:1')).Payload);
    expect(oneAgain).toMatchObject({ marker: 'old', pid: fromOne.pid, logStreamName: fromOne.logStreamName });
    expect(decode((await invoke('snap-fn:$LATEST')).Payload)).toMatchObject({ marker: 'newer', version: '$LATEST' });

    const config = await edge.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'snap-fn', Qualifier: '1' }));
    expect(config).toMatchObject({ Version: '1', Timeout: 3, FunctionArn: `${ARN}:snap-fn:1` });
    expect(config.Environment).toBeUndefined();

    const events = await edge.logs.send(
      new GetLogEventsCommand({ logGroupName: '/aws/lambda/snap-fn', logStreamName: fromOne.logStreamName, startFromHead: true }),
    );
    const lines = (events.events ?? []).map((e) => e.message ?? '');
    expect(lines.some((line) => line.includes('running old'))).toBe(true);
    expect(lines.some((line) => line.includes('running new'))).toBe(false);
  });

  it('deletes one version by Qualifier, refusing $LATEST and aliases', async () => {
    await create('del-fn');
    await edge.lambda.send(new PublishVersionCommand({ FunctionName: 'del-fn' }));
    await edge.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'del-fn', ZipFile: versionedCode('B') }));
    await edge.lambda.send(new PublishVersionCommand({ FunctionName: 'del-fn' }));
    expect(decode((await invoke('del-fn:1')).Payload).marker).toBe('A');

    await edge.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-fn', Qualifier: '1' }));
    const listed = await edge.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'del-fn' }));
    expect(listed.Versions?.map((v) => v.Version)).toEqual(['$LATEST', '2']);
    await expect(invoke('del-fn:1')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:del-fn:1`,
    });
    await expect(edge.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-fn', Qualifier: '1' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:del-fn:1`,
    });
    await expect(edge.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-fn:$LATEST' }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: '$LATEST version cannot be deleted without deleting the function.',
    });
    await expect(edge.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-fn', Qualifier: 'live' }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Deletion of aliases is not supported.',
    });
    // A new version keeps counting from the highest number ever published.
    await edge.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'del-fn', ZipFile: versionedCode('C') }));
    expect((await edge.lambda.send(new PublishVersionCommand({ FunctionName: 'del-fn' }))).Version).toBe('3');
    expect((await edge.lambda.send(new GetFunctionCommand({ FunctionName: 'del-fn', Qualifier: '2' }))).Configuration?.Version).toBe('2');
  });
});
