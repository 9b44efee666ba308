import { AwsError } from '../../core/errors.js';
import type { CognitoContext } from './context.js';
import { InvalidLambdaResponseException, UnexpectedLambdaException, UserLambdaValidationException } from './errors.js';
import type { PoolScope, UserRecord } from './state.js';

/** The pool triggers the local Cognito invokes (LambdaConfig keys). */
export type TriggerName =
  | 'PreSignUp'
  | 'PostConfirmation'
  | 'PreAuthentication'
  | 'PostAuthentication'
  | 'PreTokenGeneration'
  | 'CustomMessage';

/** What admin operations put in `callerContext.clientId`, as Cognito does. */
export const NO_CLIENT = 'CLIENT_ID_NOT_APPLICABLE';

export interface TriggerCall {
  /** e.g. "PreSignUp_SignUp". */
  triggerSource: string;
  userName: string;
  clientId: string;
  request: Record<string, unknown>;
  /** The response members with the values Cognito sends before the function changes them. */
  response: Record<string, unknown>;
}

const FUNCTION_ARN = /^arn:aws[\w-]*:lambda:([\w-]+):(\d{12}):function:[\w-]+(?::[\w$-]+)?$/;

/** The function configured for a trigger and the event version it expects; PreTokenGenerationConfig wins over PreTokenGeneration. */
export function triggerFunction(scope: PoolScope, name: TriggerName): { arn: string; version: string } | undefined {
  const config = scope.pool.LambdaConfig ?? {};
  if (name === 'PreTokenGeneration' && config.PreTokenGenerationConfig?.LambdaArn) {
    const version = config.PreTokenGenerationConfig.LambdaVersion ?? 'V1_0';
    return { arn: config.PreTokenGenerationConfig.LambdaArn, version: version === 'V1_0' ? '1' : version === 'V2_0' ? '2' : '3' };
  }
  const arn = config[name];
  return typeof arn === 'string' && arn !== '' ? { arn, version: '1' } : undefined;
}

/** The AWS SDK the caller used, as Cognito names it in `callerContext.awsSdkVersion`. */
function sdkVersion(userAgent: string): string {
  const sdk = /aws-sdk-(js|java|python|go|net|php|ruby|cpp|rust|kotlin|swift)\/(\S+)/.exec(userAgent);
  if (sdk) return `aws-sdk-${sdk[1]}-${sdk[2]}`;
  const cli = /aws-cli\/(\S+)/.exec(userAgent);
  return cli ? `aws-cli-${cli[1]}` : 'aws-sdk-unknown-unknown';
}

/** A user's attributes as triggers see them: a map, plus `cognito:user_status` once the user exists. */
export function triggerAttributes(user: UserRecord, options: { status?: boolean } = { status: true }): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { Name, Value } of user.Attributes) if (Name && Value !== undefined) map[Name] = Value;
  if (options.status !== false) map['cognito:user_status'] = user.UserStatus;
  return map;
}

/** A `ClientMetadata` / `ValidationData` input as the map triggers receive; undefined when absent. */
export function metadataMap(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const map: Record<string, string> = {};
    for (const item of value) {
      const { Name, Value } = (item ?? {}) as { Name?: unknown; Value?: unknown };
      if (typeof Name === 'string') map[Name] = typeof Value === 'string' ? Value : '';
    }
    return map;
  }
  return typeof value === 'object' ? (value as Record<string, string>) : undefined;
}

function errorMessage(payload: Buffer): string {
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as { errorMessage?: unknown };
    if (typeof parsed?.errorMessage === 'string') return parsed.errorMessage;
  } catch {
    // not JSON: the raw text is the message
  }
  return payload.toString('utf8');
}

/**
 * Invokes the pool's function for a trigger through the local Lambda (as the service principal
 * cognito-idp.amazonaws.com from the pool's ARN, so the function's resource policy must allow it)
 * and returns the `response` object it sent back; undefined when no function is configured.
 * Throws Cognito's errors: UserLambdaValidationException when the function failed,
 * InvalidLambdaResponseException when its answer is not the event, UnexpectedLambdaException
 * when it could not be invoked.
 */
export async function runTrigger(
  ctx: CognitoContext,
  scope: PoolScope,
  name: TriggerName,
  call: TriggerCall,
): Promise<Record<string, unknown> | undefined> {
  const fn = triggerFunction(scope, name);
  if (!fn) return undefined;
  const event = {
    version: fn.version,
    triggerSource: call.triggerSource,
    region: scope.region,
    userPoolId: scope.id,
    userName: call.userName,
    callerContext: { awsSdkVersion: sdkVersion(ctx.userAgent), clientId: call.clientId },
    request: Object.fromEntries(Object.entries(call.request).filter(([, v]) => v !== undefined)),
    response: call.response,
  };
  if (!ctx.lambda) throw new UnexpectedLambdaException(`${name} invocation failed due to error LambdaServiceUnavailable.`);
  const where = FUNCTION_ARN.exec(fn.arn);
  let result: Awaited<ReturnType<NonNullable<CognitoContext['lambda']>['invoke']>>;
  try {
    result = await ctx.lambda.invoke({
      account: where?.[2] ?? scope.account,
      region: where?.[1] ?? scope.region,
      functionName: fn.arn,
      payload: Buffer.from(JSON.stringify(event)),
      principal: 'cognito-idp.amazonaws.com',
      sourceArn: scope.pool.Arn,
      invocationType: 'RequestResponse',
    });
  } catch (err) {
    const code = err instanceof AwsError ? err.code : 'ServiceException';
    ctx.log(`[cognito] ${name} trigger ${fn.arn} could not be invoked: ${(err as Error).message}`);
    throw new UnexpectedLambdaException(`${name} invocation failed due to error ${code}.`);
  }
  if (result.functionError) {
    throw new UserLambdaValidationException(`${name} failed with error ${errorMessage(result.payload)}.`);
  }
  let answer: unknown;
  try {
    answer = JSON.parse(result.payload.toString('utf8'));
  } catch {
    throw new InvalidLambdaResponseException('Unrecognizable lambda output');
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new InvalidLambdaResponseException('Unrecognizable lambda output');
  }
  const response = (answer as { response?: unknown }).response;
  if (response === undefined || response === null) return {};
  if (typeof response !== 'object' || Array.isArray(response)) throw new InvalidLambdaResponseException('Unrecognizable lambda output');
  return response as Record<string, unknown>;
}

/** The PostConfirmation trigger after a sign-up was confirmed (ConfirmSignUp, AdminConfirmSignUp, or auto-confirmed at SignUp). */
export async function postConfirmation(
  ctx: CognitoContext,
  scope: PoolScope,
  user: UserRecord,
  clientId: string,
  clientMetadata: Record<string, string> | undefined,
  source: 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword' = 'PostConfirmation_ConfirmSignUp',
): Promise<void> {
  await runTrigger(ctx, scope, 'PostConfirmation', {
    triggerSource: source,
    userName: user.Username,
    clientId,
    request: { userAttributes: triggerAttributes(user), clientMetadata },
    response: {},
  });
}
