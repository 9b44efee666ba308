import { authorizeWithCognito } from './cognito-authorizer.js';
import { GatewayError, type Invocation, notEmulated } from './context.js';

/**
 * The method request's first step, authorization: COGNITO_USER_POOLS checks the token; NONE
 * passes. TestInvokeMethod skips it, as AWS does.
 */
export async function authorize(inv: Invocation): Promise<void> {
  const method = inv.method!;
  if (inv.testInvoke) return;
  switch (method.authorizationType) {
    case 'COGNITO_USER_POOLS': {
      const authorizer = inv.snapshot!.authorizers[method.authorizerId ?? ''];
      if (!authorizer) throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', 'Authorizer configuration error', 500);
      await authorizeWithCognito(inv, authorizer);
      return;
    }
    case 'AWS_IAM':
      throw notEmulated('AWS_IAM method authorization');
    case 'CUSTOM':
      throw notEmulated('Lambda (CUSTOM) authorizers');
    default:
      return;
  }
}
