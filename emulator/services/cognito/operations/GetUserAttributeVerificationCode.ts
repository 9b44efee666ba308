import type {
  GetUserAttributeVerificationCodeCommandInput,
  GetUserAttributeVerificationCodeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { type Delivery, deliveryDetails, sendCode } from '../codes.js';
import type { CognitoContext } from '../context.js';
import { InvalidParameterException } from '../errors.js';
import { attribute } from '../state.js';
import { metadataMap } from '../triggers.js';
import { checkAccessToken, userOfAccessToken } from '../users.js';
import { Constraints } from '../validate.js';
import type { Out } from '../wire.js';

/** Sends a code to verify the user's email or phone number (the value waiting for verification, if any). */
export async function GetUserAttributeVerificationCode(
  input: GetUserAttributeVerificationCodeCommandInput,
  ctx: CognitoContext,
): Promise<Out<GetUserAttributeVerificationCodeCommandOutput>> {
  const checks = new Constraints();
  checkAccessToken(checks, input.AccessToken);
  checks.string(input.AttributeName, 'attributeName', { required: true, min: 1, max: 32 });
  checks.check();
  const { scope, user, clientId } = userOfAccessToken(ctx, input.AccessToken);
  const name = input.AttributeName!;
  if (name !== 'email' && name !== 'phone_number')
    throw new InvalidParameterException(`Invalid attribute name: ${name} cannot be verified.`);
  const held = user.attributeCodes?.[name]?.value;
  const address = held ?? attribute(user, name);
  if (!address) throw new InvalidParameterException(`Requested attribute ${name} is not set for the user.`);
  const delivery: Delivery = name === 'email' ? { attribute: name, medium: 'EMAIL', address } : { attribute: name, medium: 'SMS', address };
  const pending = await sendCode(ctx, scope, user, delivery, 'VerifyUserAttribute', {
    clientId,
    clientMetadata: metadataMap(input.ClientMetadata),
  });
  user.attributeCodes = { ...user.attributeCodes, [name]: { ...pending, ...(held === undefined ? {} : { value: held }) } };
  scope.putUser(user);
  return { CodeDeliveryDetails: deliveryDetails(delivery) };
}
