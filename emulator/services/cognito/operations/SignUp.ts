import type { AttributeType, SignUpCommandInput, SignUpCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { SerializationException } from '../../../core/errors.js';
import { uuid } from '../../../core/ids.js';
import { checkSignUpAttributes, isEmail, isPhoneNumber } from '../attributes.js';
import { deliveryDetails, deliveryFor, sendCode } from '../codes.js';
import { type CognitoContext, checkSecretHash, requireClient } from '../context.js';
import { InvalidParameterException, UsernameExistsException } from '../errors.js';
import { requireConforming, setPassword } from '../passwords.js';
import { attribute, type PoolScope, setAttribute, type UserRecord } from '../state.js';
import { metadataMap, postConfirmation, runTrigger } from '../triggers.js';
import { Constraints, checkClientId, checkUsername } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

/** In pools that sign in with email or phone, the username names that attribute; Cognito then makes the sub the username. */
function signInAttribute(scope: PoolScope, username: string): 'email' | 'phone_number' | undefined {
  const allowed = scope.pool.UsernameAttributes ?? [];
  if (allowed.length === 0) {
    if (scope.pool.AliasAttributes?.includes('email') && isEmail(username)) {
      throw new InvalidParameterException('Username cannot be of email format, since user pool is configured for email alias.');
    }
    if (scope.pool.AliasAttributes?.includes('phone_number') && isPhoneNumber(username)) {
      throw new InvalidParameterException(
        'Username cannot be of phone number format, since user pool is configured for phone number alias.',
      );
    }
    return undefined;
  }
  if (allowed.includes('email') && isEmail(username)) return 'email';
  if (allowed.includes('phone_number') && isPhoneNumber(username)) return 'phone_number';
  throw new InvalidParameterException(
    allowed.length > 1
      ? 'Username should be either an email or a phone number.'
      : allowed[0] === 'email'
        ? 'Username should be an email.'
        : 'Username should be a phone number.',
  );
}

export async function SignUp(input: SignUpCommandInput, ctx: CognitoContext): Promise<Out<SignUpCommandOutput>> {
  const checks = new Constraints();
  checkClientId(checks, input.ClientId);
  checkUsername(checks, input.Username);
  checks.string(input.Password, 'password', { max: 256, sensitive: true });
  checks.string(input.SecretHash, 'secretHash', { min: 1, max: 128, sensitive: true });
  checks.check();
  if (input.UserAttributes !== undefined && !Array.isArray(input.UserAttributes)) {
    throw new SerializationException('Value for UserAttributes must be a list.');
  }
  const { scope, client } = requireClient(ctx, input.ClientId!);
  const username = input.Username!;
  checkSecretHash(client, [username], input.SecretHash);

  const viaAttribute = signInAttribute(scope, username);
  let attributes: AttributeType[] = (input.UserAttributes ?? []).map((a) => ({ Name: a?.Name, Value: a?.Value ?? '' }));
  if (viaAttribute) attributes = [...attributes.filter((a) => a.Name !== viaAttribute), { Name: viaAttribute, Value: username }];
  checkSignUpAttributes(scope.pool, client, attributes);
  requireConforming(input.Password ?? '', scope.pool.Policies?.PasswordPolicy, 'signUp');
  const exists = () => {
    if (viaAttribute) {
      const wanted = username.toLowerCase();
      if (scope.users().some((u) => attribute(u, viaAttribute)?.toLowerCase() === wanted)) {
        throw new UsernameExistsException(`An account with the given ${viaAttribute} already exists.`);
      }
    } else if (scope.user(username)) {
      throw new UsernameExistsException('User already exists');
    }
  };
  exists();
  const sub = uuid();
  const now = epochSeconds();
  const user: UserRecord = {
    Username: viaAttribute ? sub : username,
    Attributes: [{ Name: 'sub', Value: sub }, ...attributes],
    UserStatus: 'UNCONFIRMED',
    Enabled: true,
    UserCreateDate: now,
    UserLastModifiedDate: now,
    passwordHash: '',
  };
  const clientMetadata = metadataMap(input.ClientMetadata);
  const verdict = await runTrigger(ctx, scope, 'PreSignUp', {
    triggerSource: 'PreSignUp_SignUp',
    userName: user.Username,
    clientId: client.ClientId,
    request: {
      userAttributes: Object.fromEntries(attributes.map((a) => [a.Name!, a.Value ?? ''])),
      validationData: metadataMap(input.ValidationData),
      clientMetadata,
    },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  });
  const autoConfirmed = verdict?.autoConfirmUser === true;
  if (autoConfirmed) user.UserStatus = 'CONFIRMED';
  if (verdict?.autoVerifyEmail === true && attribute(user, 'email')) setAttribute(user, 'email_verified', 'true');
  if (verdict?.autoVerifyPhone === true && attribute(user, 'phone_number')) setAttribute(user, 'phone_number_verified', 'true');
  await setPassword(scope.id, user, input.Password!);
  const delivery = autoConfirmed ? undefined : deliveryFor(scope, user);
  if (delivery) user.signUpCode = await sendCode(ctx, scope, user, delivery, 'SignUp', { clientId: client.ClientId, clientMetadata });
  // From here on no await: the existence check and the write happen together.
  exists();
  scope.putUser(user);
  if (autoConfirmed) await postConfirmation(ctx, scope, user, client.ClientId, clientMetadata);
  return { UserConfirmed: autoConfirmed, ...(delivery ? { CodeDeliveryDetails: deliveryDetails(delivery) } : {}), UserSub: sub };
}
