import type { ForgotPasswordCommandInput, ForgotPasswordCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { maskDestination } from '../attributes.js';
import { type Delivery, deliveryDetails, sendCode } from '../codes.js';
import { type CognitoContext, checkSecretHash, hidesUserExistence, requireClient } from '../context.js';
import { InvalidParameterException, NotAuthorizedException, UserNotFoundException } from '../errors.js';
import { attribute, type PoolScope, type UserRecord } from '../state.js';
import { metadataMap } from '../triggers.js';
import { Constraints, checkClientId, checkUsername } from '../validate.js';
import type { Out } from '../wire.js';

/**
 * Where a password-reset code goes: the pool's recovery mechanisms in priority order (by default a
 * verified phone number, then a verified email); only verified addresses qualify.
 */
function recoveryDelivery(scope: PoolScope, user: UserRecord): Delivery | undefined {
  const mechanisms = scope.pool.AccountRecoverySetting?.RecoveryMechanisms ?? [
    { Name: 'verified_phone_number', Priority: 1 },
    { Name: 'verified_email', Priority: 2 },
  ];
  for (const { Name } of [...mechanisms].sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0))) {
    const phone = attribute(user, 'phone_number');
    const email = attribute(user, 'email');
    if (Name === 'verified_phone_number' && phone && attribute(user, 'phone_number_verified') === 'true') {
      return { attribute: 'phone_number', medium: 'SMS', address: phone };
    }
    if (Name === 'verified_email' && email && attribute(user, 'email_verified') === 'true') {
      return { attribute: 'email', medium: 'EMAIL', address: email };
    }
  }
  return undefined;
}

export async function ForgotPassword(input: ForgotPasswordCommandInput, ctx: CognitoContext): Promise<Out<ForgotPasswordCommandOutput>> {
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
    const simulated = input.Username!.includes('@') ? input.Username! : `${input.Username}@example.com`;
    return { CodeDeliveryDetails: { Destination: maskDestination(simulated, 'EMAIL'), DeliveryMedium: 'EMAIL', AttributeName: 'email' } };
  }
  if (!user.Enabled) throw new NotAuthorizedException('User is disabled.');
  const delivery = recoveryDelivery(scope, user);
  if (!delivery) {
    throw new InvalidParameterException('Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  user.forgotPasswordCode = await sendCode(ctx, scope, user, delivery, 'ForgotPassword', {
    clientId: client.ClientId,
    clientMetadata: metadataMap(input.ClientMetadata),
  });
  scope.putUser(user);
  return { CodeDeliveryDetails: deliveryDetails(delivery) };
}
