import {
  CreateFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LambdaTestEdge, ROLE, startLambdaTestEdge, versionedCode } from './test-support.js';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function';

describe('Lambda tags', () => {
  let edge: LambdaTestEdge;

  beforeAll(async () => {
    edge = await startLambdaTestEdge();
    await edge.lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'tagged-fn',
        Runtime: 'nodejs20.x',
        Role: ROLE,
        Handler: 'index.handler',
        Code: { ZipFile: versionedCode('t') },
        Tags: { team: 'chat' },
        Publish: true,
      }),
    );
  });
  afterAll(async () => edge.close());

  it('tags, lists and untags a function by its ARN, giving it a new RevisionId', async () => {
    const resource = `${ARN}:tagged-fn`;
    expect((await edge.lambda.send(new ListTagsCommand({ Resource: resource }))).Tags).toEqual({ team: 'chat' });
    const before = await edge.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'tagged-fn' }));
    const tagged = await edge.lambda.send(new TagResourceCommand({ Resource: resource, Tags: { stage: 'prod', team: 'core' } }));
    expect(tagged.$metadata.httpStatusCode).toBe(204);
    expect((await edge.lambda.send(new ListTagsCommand({ Resource: resource }))).Tags).toEqual({ team: 'core', stage: 'prod' });
    expect((await edge.lambda.send(new GetFunctionCommand({ FunctionName: 'tagged-fn' }))).Tags).toEqual({ team: 'core', stage: 'prod' });
    const after = await edge.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'tagged-fn' }));
    expect(after.RevisionId).not.toBe(before.RevisionId);

    await edge.lambda.send(new UntagResourceCommand({ Resource: resource, TagKeys: ['team', 'absent'] }));
    expect((await edge.lambda.send(new ListTagsCommand({ Resource: resource }))).Tags).toEqual({ stage: 'prod' });
    await edge.lambda.send(new UntagResourceCommand({ Resource: resource, TagKeys: ['stage'] }));
    expect((await edge.lambda.send(new ListTagsCommand({ Resource: resource }))).Tags).toEqual({});
  });

  it('refuses versions, aliases, bad ARNs, missing functions and too many tags', async () => {
    await expect(edge.lambda.send(new TagResourceCommand({ Resource: `${ARN}:tagged-fn:1`, Tags: { a: 'b' } }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message:
        'Tagging operations are permitted on Lambda functions only. Tags on aliases and versions are not supported. Please specify either a function name or a function ARN.',
    });
    await expect(edge.lambda.send(new ListTagsCommand({ Resource: 'tagged-fn' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining(
        "Value 'tagged-fn' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern:",
      ),
    });
    await expect(edge.lambda.send(new TagResourceCommand({ Resource: `${ARN}:ghost`, Tags: { a: 'b' } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: ${ARN}:ghost`,
    });
    await expect(edge.lambda.send(new TagResourceCommand({ Resource: `${ARN}:tagged-fn`, Tags: {} }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'An error occurred and the request cannot be processed.',
    });
    await expect(edge.lambda.send(new UntagResourceCommand({ Resource: `${ARN}:tagged-fn`, TagKeys: [] }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null",
    });
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    await expect(edge.lambda.send(new TagResourceCommand({ Resource: `${ARN}:tagged-fn`, Tags: many }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Number of tags exceeds function tag limit.',
    });
    await expect(
      edge.lambda.send(new TagResourceCommand({ Resource: 'arn:aws:lambda:eu-west-1:000000000000:function:tagged-fn', Tags: { a: 'b' } })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')",
    });
  });
});
