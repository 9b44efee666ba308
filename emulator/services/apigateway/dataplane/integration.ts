import type { Service } from '../../../core/service.js';
import type { LambdaInvoker } from '../../lambda/invoker.js';
import { GatewayError, type Invocation, internalServerError } from './context.js';
import { functionArnFromUri, functionLocation, substituteStageVariables } from './lambda-uri.js';

/** The ARN the function's resource policy sees as the caller: `arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/VERB/resource-path`. */
export function sourceArn(inv: Invocation): string {
  return `arn:aws:execute-api:${inv.region}:${inv.account}:${inv.apiId}/${inv.stageName}/${inv.request.method}${inv.resource!.path}`;
}

async function invokeLambda(inv: Invocation): Promise<void> {
  const integration = inv.method!.methodIntegration!;
  // AWS answers a proxy integration whose own method is not POST with a 500.
  if (integration.httpMethod !== 'POST') throw internalServerError(500, 'API_CONFIGURATION_ERROR');
  const functionArn = functionArnFromUri(substituteStageVariables(integration.uri ?? '', inv.stageVariables));
  if (!functionArn || !inv.services.has('lambda')) throw internalServerError(500, 'API_CONFIGURATION_ERROR');
  const lambda = inv.services.get<Service & LambdaInvoker>('lambda');
  const where = functionLocation(functionArn);
  let result: Awaited<ReturnType<LambdaInvoker['invoke']>>;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new GatewayError('INTEGRATION_TIMEOUT', 'Endpoint request timed out', 504)),
      integration.timeoutInMillis ?? 29000,
    );
  });
  try {
    const invocation = lambda.invoke({
      account: where.account ?? inv.account,
      region: where.region ?? inv.region,
      functionName: functionArn,
      payload: inv.integrationRequest!.payload!,
      principal: 'apigateway.amazonaws.com',
      sourceArn: sourceArn(inv),
      invocationType: 'RequestResponse',
    });
    invocation.catch(() => {}); // settled after a timeout: nobody is waiting any more
    result = await Promise.race([invocation, timeout]);
  } catch (err) {
    // A missing function or a resource policy that refuses API Gateway: a configuration error.
    if (err instanceof GatewayError) throw err;
    throw internalServerError(500, 'API_CONFIGURATION_ERROR');
  } finally {
    clearTimeout(timer);
  }
  inv.integrationResult = { payload: result.payload, functionError: result.functionError };
}

/** The integration step: call the backend (Lambda); MOCK has nothing to call. */
export async function integrate(inv: Invocation): Promise<void> {
  const type = inv.method!.methodIntegration!.type;
  if (type === 'AWS_PROXY') await invokeLambda(inv);
  else inv.integrationResult = { payload: Buffer.alloc(0) };
}
