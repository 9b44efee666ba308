import type { UpdateUserPoolClientCommandInput, UpdateUserPoolClientCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { checkClientSettings, clientSettings } from '../client-config.js';
import { type CognitoContext, requirePool } from '../context.js';
import { clientNotFound } from '../errors.js';
import { Constraints, checkClientId, checkPoolId } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

/** Replaces the client's settings: as in AWS, a setting the request leaves out goes back to its default. */
export function UpdateUserPoolClient(input: UpdateUserPoolClientCommandInput, ctx: CognitoContext): Out<UpdateUserPoolClientCommandOutput> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkClientId(checks, input.ClientId);
  checkClientSettings(checks, input, false);
  checks.check();
  const scope = requirePool(ctx, input.UserPoolId!);
  const old = scope.client(input.ClientId!);
  if (!old) throw clientNotFound(input.ClientId!);
  const client = clientSettings(input, old, epochSeconds());
  scope.putClient(client);
  return { UserPoolClient: client };
}
