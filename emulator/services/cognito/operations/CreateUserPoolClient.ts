import type { CreateUserPoolClientCommandInput, CreateUserPoolClientCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { randomLowerId } from '../../../core/ids.js';
import { checkClientSettings, clientSettings } from '../client-config.js';
import { type CognitoContext, requirePool } from '../context.js';
import { Constraints, checkPoolId } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

export function CreateUserPoolClient(input: CreateUserPoolClientCommandInput, ctx: CognitoContext): Out<CreateUserPoolClientCommandOutput> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkClientSettings(checks, input, true);
  checks.check();
  const scope = requirePool(ctx, input.UserPoolId!);
  const client = clientSettings(
    input,
    {
      UserPoolId: scope.id,
      ClientId: randomLowerId(26),
      ClientSecret: input.GenerateSecret ? randomLowerId(52) : undefined,
      ClientName: input.ClientName,
      CreationDate: undefined,
    },
    epochSeconds(),
  );
  scope.putClient(client);
  return { UserPoolClient: client };
}
