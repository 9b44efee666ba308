import { AwsError } from '../../../core/errors.js';
import type { Service } from '../../../core/service.js';
import type { LambdaInvoker } from '../../lambda/invoker.js';
import { GatewayError, type Invocation, internalServerError } from './context.js';
import { logMap, truncated } from './execution-log.js';
import { functionArnFromUri, functionLocation, substituteStageVariables } from './lambda-uri.js';

/** The ARN the function's resource policy sees as the caller: `arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/VERB/resource-path`. */
export function sourceArn(inv: Invocation): string {
  const stage = inv.testInvoke ? 'test-invoke-stage' : inv.stageName;
  return `arn:aws:execute-api:${inv.region}:${inv.account}:${inv.apiId}/${stage}/${inv.request.method}${inv.resource!.path}`;
}

const configurationError = (inv: Invocation, reason: string) => {
  inv.log?.add(`Execution failed due to configuration error: ${reason}`);
  return internalServerError(500, 'API_CONFIGURATION_ERROR');
};

function errorMessageOf(payload: Buffer): string {
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as { errorMessage?: unknown };
    return typeof parsed?.errorMessage === 'string' ? parsed.errorMessage : '';
  } catch {
    return '';
  }
}

/** Calls the Lambda function of an AWS (non-proxy) or AWS_PROXY integration, with the stage variables in its URI substituted. */
async function invokeLambda(inv: Invocation): Promise<void> {
  const integration = inv.method!.methodIntegration!;
  // AWS answers a Lambda integration whose own method is not POST with a 500.
  if (integration.httpMethod !== 'POST') throw configurationError(inv, 'Lambda integrations must use POST');
  const functionArn = functionArnFromUri(substituteStageVariables(integration.uri ?? '', inv.stageVariables));
  if (!functionArn || !inv.services.has('lambda')) throw configurationError(inv, 'Invalid Lambda function');
  const lambda = inv.services.get<Service & LambdaInvoker>('lambda');
  const where = functionLocation(functionArn);
  const payload = inv.integrationRequest!.payload!;
  const endpoint = `https://lambda.${where.region ?? inv.region}.amazonaws.com/2015-03-31/functions/${functionArn}/invocations`;
  inv.log?.add(`Endpoint request URI: ${endpoint}`);
  inv.log?.add(
    `Endpoint request headers: ${logMap({ 'x-amzn-apigateway-api-id': inv.apiId, Accept: 'application/json', 'User-Agent': `AmazonAPIGateway_${inv.apiId}`, 'Content-Type': 'application/json' })}`,
  );
  inv.log?.add(`Endpoint request body after transformations: ${truncated(payload.toString('utf8'))}`);
  inv.log?.add(`Sending request to ${endpoint}`);

  let result: Awaited<ReturnType<LambdaInvoker['invoke']>>;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new GatewayError('INTEGRATION_TIMEOUT', 'Endpoint request timed out', 504, 'InternalServerErrorException')),
      integration.timeoutInMillis ?? 29000,
    );
  });
  const started = Date.now();
  try {
    const invocation = lambda.invoke({
      account: where.account ?? inv.account,
      region: where.region ?? inv.region,
      functionName: functionArn,
      payload,
      principal: 'apigateway.amazonaws.com',
      sourceArn: sourceArn(inv),
      invocationType: 'RequestResponse',
    });
    invocation.catch(() => {}); // settled after a timeout: nobody is waiting any more
    result = await Promise.race([invocation, timeout]);
  } catch (err) {
    inv.integrationLatency = Date.now() - started;
    if (err instanceof GatewayError) {
      inv.log?.add(`Execution failed due to a timeout error`);
      throw err;
    }
    // A missing function, a resource policy that refuses API Gateway, a payload Lambda cannot
    // parse (a template that rendered invalid JSON): the client gets a 500.
    const status = err instanceof AwsError ? err.status : 500;
    if (status === 403 || status === 404) throw configurationError(inv, 'Invalid permissions on Lambda function');
    inv.log?.add(`Lambda invocation failed with status: ${status}`);
    throw configurationError(inv, (err as Error).message);
  } finally {
    clearTimeout(timer);
  }
  inv.integrationLatency = Date.now() - started;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Content-Length': String(result.payload.length),
    'X-Amz-Executed-Version': result.executedVersion,
    ...(result.functionError ? { 'X-Amz-Function-Error': result.functionError } : {}),
  };
  inv.integrationResult = { payload: result.payload, functionError: result.functionError, headers, status: 200 };
  inv.log?.add(`Received response. Status: 200, Integration latency: ${inv.integrationLatency} ms`);
  inv.log?.add(`Endpoint response headers: ${logMap(headers)}`);
  inv.log?.add(`Endpoint response body before transformations: ${truncated(result.payload.toString('utf8'))}`);
  if (result.functionError) {
    inv.log?.add(`Lambda execution failed with status 200 due to customer function error: ${errorMessageOf(result.payload)}.`);
  }
}

/** The integration step: call the backend (Lambda); MOCK has nothing to call. */
export async function integrate(inv: Invocation): Promise<void> {
  const type = inv.method!.methodIntegration!.type;
  if (type === 'AWS_PROXY' || type === 'AWS') await invokeLambda(inv);
  else inv.integrationResult = { payload: Buffer.alloc(0), headers: {}, status: inv.integrationRequest?.mockStatus ?? 200 };
}
