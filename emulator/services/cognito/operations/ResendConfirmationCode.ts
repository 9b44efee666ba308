import type { ResendConfirmationCodeCommandInput, ResendConfirmationCodeCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { maskDestination } from '../attributes.js';
import { deliveryDetails, deliveryFor, sendCode } from '../codes.js';
import { type CognitoContext, checkSecretHash, hidesUserExistence, requireClient } from '../context.js';
import { InvalidParameterException, UserNotFoundException } from '../errors.js';
import { metadataMap } from '../triggers.js';
import { Constraints, checkClientId, checkUsername } from '../validate.js';
import type { Out } from '../wire.js';

export async function ResendConfirmationCode(
  input: ResendConfirmationCodeCommandInput,
  ctx: CognitoContext,
): Promise<Out<ResendConfirmationCodeCommandOutput>> {
  const checks = new Constraints();
  checkClientId(checks, input.ClientId);
  checkUsername(checks, input.Username);
  checks.string(input.SecretHash, 'secretHash', { min: 1, max: 128, sensitive: true });
  checks.check();
  const { scope, client } = requireClient(ctx, input.ClientId!);
  checkSecretHash(client, [input.Username!], input.SecretHash);
  const user = scope.findUser(input.Username!);
  if (!user) {
    if (!hidesUserExistence(client)) throw new UserNotFoundException('Username/client id combination not found.');
    // A simulated delivery, so the answer does not tell whether the user exists.
    const simulated = input.Username!.includes('@') ? input.Username! : `${input.Username}@example.com`;
    return { CodeDeliveryDetails: { Destination: maskDestination(simulated, 'EMAIL'), DeliveryMedium: 'EMAIL', AttributeName: 'email' } };
  }
  if (user.UserStatus === 'CONFIRMED') throw new InvalidParameterException('User is already confirmed.');
  const delivery = deliveryFor(scope, user);
  if (!delivery) throw new InvalidParameterException('Cannot resend codes. Auto verification not turned on.');
  user.signUpCode = await sendCode(ctx, scope, user, delivery, 'ResendCode', {
    clientId: client.ClientId,
    clientMetadata: metadataMap(input.ClientMetadata),
  });
  scope.putUser(user);
  return { CodeDeliveryDetails: deliveryDetails(delivery) };
}
