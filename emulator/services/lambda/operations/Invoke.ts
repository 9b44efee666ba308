import type { InvokeCommandInput } from '@aws-sdk/client-lambda';
import type { Operation } from '../../../protocols/aws-json.js';
import type { RawResponse } from '../../../protocols/rest-json.js';
import type { LambdaContext } from '../context.js';
import { InvalidRequestContentException, ValidationException, validationMessage } from '../errors.js';
import { logTail } from '../executor/log-lines.js';

type Input = Omit<InvokeCommandInput, 'Payload'> & { Payload?: Buffer };

const TYPES = ['Event', 'RequestResponse', 'DryRun'] as const;

/**
 * InvokeCommandOutput lives in the status, headers and raw body, so Invoke answers a raw response.
 * The invocation's request id is the request id of the Invoke call, as on AWS.
 */
export const Invoke: Operation<Input, RawResponse, LambdaContext> = async (input, ctx) => {
  const type = input.InvocationType ?? 'RequestResponse';
  if (!TYPES.includes(type)) {
    throw new ValidationException(
      validationMessage('invocationType', type, 'Member must satisfy enum value set: [Event, RequestResponse, DryRun]'),
    );
  }
  if (input.LogType !== undefined && input.LogType !== 'None' && input.LogType !== 'Tail') {
    throw new ValidationException(validationMessage('logType', input.LogType, 'Member must satisfy enum value set: [Tail, None]'));
  }
  const target = ctx.runner.target(ctx.account, ctx.region, input.FunctionName, input.Qualifier);
  const clientContext = input.ClientContext === undefined ? undefined : decodeClientContext(input.ClientContext);
  const result = await ctx.runner.invoke(target, input.Payload ?? Buffer.alloc(0), {
    type,
    requestId: ctx.requestId,
    ...(clientContext ? { clientContext } : {}),
  });
  const headers: Record<string, string> = {};
  if (result.statusCode === 200) {
    headers['content-type'] = 'application/json';
    headers['x-amz-executed-version'] = result.executedVersion;
    if (result.functionError) headers['x-amz-function-error'] = result.functionError;
    if (input.LogType === 'Tail') headers['x-amz-log-result'] = logTail(result.logLines);
  }
  return { $response: { status: result.statusCode, headers, body: result.payload } };
};

function decodeClientContext(value: string): string {
  const text = Buffer.from(value, 'base64').toString('utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return text;
  } catch {
    // fall through
  }
  throw new InvalidRequestContentException('Client context must be a valid Base64-encoded JSON object.');
}
