import type {
  AdminRespondToAuthChallengeCommandInput,
  AdminRespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requirePool } from '../context.js';
import { clientNotFound } from '../errors.js';
import { Constraints, checkClientId, checkPoolId } from '../validate.js';
import type { Out } from '../wire.js';
import { checkChallengeInput, respond } from './RespondToAuthChallenge.js';

export async function AdminRespondToAuthChallenge(
  input: AdminRespondToAuthChallengeCommandInput,
  ctx: CognitoContext,
): Promise<Out<AdminRespondToAuthChallengeCommandOutput>> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkClientId(checks, input.ClientId);
  checkChallengeInput(checks, input);
  checks.check();
  const scope = requirePool(ctx, input.UserPoolId!);
  const client = scope.client(input.ClientId!);
  if (!client) throw clientNotFound(input.ClientId!);
  return respond(ctx, scope, client, input);
}
