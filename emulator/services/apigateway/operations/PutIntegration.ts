import type { PutIntegrationCommandInput, PutIntegrationCommandOutput } from '@aws-sdk/client-api-gateway';
import { BadRequestException, ValidationException } from '../errors.js';
import { findMethod } from '../lookup.js';
import type { StoredMethod } from '../model.js';
import type { ApiOp } from './context.js';

const TYPES = ['HTTP', 'MOCK', 'AWS_PROXY', 'HTTP_PROXY', 'AWS'];

function checkTarget(input: PutIntegrationCommandInput): void {
  const type = input.type ?? '';
  if (!TYPES.includes(type)) {
    throw new ValidationException(
      `1 validation error detected: Value '${input.type}' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [${TYPES.join(', ')}]`,
    );
  }
  if (type === 'MOCK') return;
  if (!input.integrationHttpMethod) throw new BadRequestException('Enumeration value for HttpMethod must be non-empty');
  const uri = input.uri ?? '';
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    if (!/^https?:\/\/[^/]+/.test(uri.replace(/\$\{stageVariables\.[^}]*\}/g, 'x'))) {
      throw new BadRequestException('Invalid HTTP endpoint specified for URI');
    }
    return;
  }
  const parts = uri.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) throw new BadRequestException('Invalid ARN specified in the request');
  const target = parts.slice(5).join(':');
  if (!target.startsWith('path/') && !target.startsWith('action/')) {
    throw new BadRequestException('AWS ARN for integration must contain path or action');
  }
  if (type === 'AWS_PROXY' && (parts[4] !== 'lambda' || !target.startsWith('path/2015-03-31/functions/'))) {
    throw new BadRequestException(
      "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
    );
  }
}

export const PutIntegration: ApiOp<PutIntegrationCommandInput, PutIntegrationCommandOutput> = (input, ctx) => {
  checkTarget(input);
  const { api, method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  const isMock = input.type === 'MOCK';
  const integration: NonNullable<StoredMethod['methodIntegration']> = {
    type: input.type,
    ...(isMock ? {} : { httpMethod: input.integrationHttpMethod, uri: input.uri }),
    ...(input.type === 'HTTP' || input.type === 'HTTP_PROXY' ? { connectionType: input.connectionType ?? 'INTERNET' } : {}),
    ...(input.connectionId ? { connectionId: input.connectionId } : {}),
    ...(input.credentials ? { credentials: input.credentials } : {}),
    ...(input.requestParameters ? { requestParameters: input.requestParameters } : {}),
    ...(input.requestTemplates ? { requestTemplates: input.requestTemplates } : {}),
    passthroughBehavior: input.passthroughBehavior ?? 'WHEN_NO_MATCH',
    ...(input.contentHandling ? { contentHandling: input.contentHandling } : {}),
    timeoutInMillis: input.timeoutInMillis ?? 29000,
    cacheNamespace: input.cacheNamespace ?? input.resourceId,
    cacheKeyParameters: input.cacheKeyParameters ?? [],
    ...(input.tlsConfig ? { tlsConfig: input.tlsConfig } : {}),
  };
  method.methodIntegration = integration;
  ctx.state.saveApi(api);
  return integration;
};
