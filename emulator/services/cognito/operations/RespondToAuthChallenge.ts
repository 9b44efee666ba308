import type { RespondToAuthChallengeCommandInput, RespondToAuthChallengeCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { SerializationException } from '../../../core/errors.js';
import { type CognitoContext, requireClient } from '../context.js';
import { InvalidParameterException } from '../errors.js';
import { type AuthAnswer, answerNewPassword, answerPasswordVerifier, type Params, type SignInRequest } from '../sign-in.js';
import type { ClientRecord, PoolScope } from '../state.js';
import { metadataMap } from '../triggers.js';
import { Constraints, checkClientId } from '../validate.js';
import type { Out } from '../wire.js';

const CHALLENGES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
];

type ChallengeInput = Pick<RespondToAuthChallengeCommandInput, 'ChallengeName' | 'ChallengeResponses' | 'Session' | 'ClientMetadata'>;

/** Checks the members both forms share. */
export function checkChallengeInput(checks: Constraints, input: ChallengeInput): void {
  checks.oneOf(input.ChallengeName, 'challengeName', CHALLENGES, { required: true });
  checks.string(input.Session, 'session', { min: 20, max: 2048 });
}

/** RespondToAuthChallenge and AdminRespondToAuthChallenge: the answer to PASSWORD_VERIFIER or NEW_PASSWORD_REQUIRED. */
export async function respond(ctx: CognitoContext, scope: PoolScope, client: ClientRecord, input: ChallengeInput): Promise<AuthAnswer> {
  const responses = input.ChallengeResponses ?? {};
  if (typeof responses !== 'object' || Array.isArray(responses)) {
    throw new SerializationException('Value for ChallengeResponses must be a map.');
  }
  const req: SignInRequest = { ctx, scope, client, flow: input.ChallengeName!, clientMetadata: metadataMap(input.ClientMetadata) };
  switch (input.ChallengeName) {
    case 'PASSWORD_VERIFIER':
      return answerPasswordVerifier(req, responses as Params);
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword(req, responses as Params, input.Session);
    default:
      throw new InvalidParameterException(`The ${input.ChallengeName} challenge is not supported by the local cloud yet.`);
  }
}

export async function RespondToAuthChallenge(
  input: RespondToAuthChallengeCommandInput,
  ctx: CognitoContext,
): Promise<Out<RespondToAuthChallengeCommandOutput>> {
  const checks = new Constraints();
  checkClientId(checks, input.ClientId);
  checkChallengeInput(checks, input);
  checks.check();
  const { scope, client } = requireClient(ctx, input.ClientId!);
  return respond(ctx, scope, client, input);
}
