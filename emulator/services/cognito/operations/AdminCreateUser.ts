import type { AdminCreateUserCommandInput, AdminCreateUserCommandOutput, AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { SerializationException } from '../../../core/errors.js';
import { uuid } from '../../../core/ids.js';
import { checkSignUpAttributes, isEmail, isPhoneNumber } from '../attributes.js';
import type { Delivery } from '../codes.js';
import { sendCode } from '../codes.js';
import { type CognitoContext, requirePool } from '../context.js';
import { InvalidParameterException, UnsupportedUserStateException, UsernameExistsException, userNotFound } from '../errors.js';
import { requireConforming, setPassword, temporaryPassword } from '../passwords.js';
import { attribute, type PoolScope, type UserRecord } from '../state.js';
import { metadataMap, NO_CLIENT, runTrigger } from '../triggers.js';
import { userView } from '../users.js';
import { Constraints, checkPoolId, checkUsername } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where the invitation goes: the media asked for (SMS by default) that the user has an address for. */
function invitationDeliveries(user: UserRecord, mediums: string[] | undefined): Delivery[] {
  const out: Delivery[] = [];
  for (const medium of mediums ?? ['SMS']) {
    const phone = attribute(user, 'phone_number');
    const email = attribute(user, 'email');
    if (medium === 'SMS' && phone) out.push({ attribute: 'phone_number', medium: 'SMS', address: phone });
    if (medium === 'EMAIL' && email) out.push({ attribute: 'email', medium: 'EMAIL', address: email });
  }
  return out;
}

/** The username a new user gets: in pools that sign in with email or phone, the username names one and the sub becomes the username. */
function usernameFor(scope: PoolScope, username: string): { key: string; via?: 'email' | 'phone_number' } {
  const allowed = scope.pool.UsernameAttributes ?? [];
  if (allowed.length === 0) return { key: username };
  if (allowed.includes('email') && isEmail(username)) return { key: username, via: 'email' };
  if (allowed.includes('phone_number') && isPhoneNumber(username)) return { key: username, via: 'phone_number' };
  throw new InvalidParameterException(allowed.includes('email') ? 'Username should be an email.' : 'Username should be a phone number.');
}

/**
 * Creates a user with a temporary password (FORCE_CHANGE_PASSWORD) and "sends" the invitation
 * (kind ADMIN_CREATE_USER in the outbox, the temporary password as its code). MessageAction
 * RESEND renews the temporary password of a user who has not signed in yet; SUPPRESS sends nothing.
 */
export async function AdminCreateUser(input: AdminCreateUserCommandInput, ctx: CognitoContext): Promise<Out<AdminCreateUserCommandOutput>> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkUsername(checks, input.Username);
  checks.string(input.TemporaryPassword, 'temporaryPassword', { max: 256, sensitive: true });
  checks.oneOf(input.MessageAction, 'messageAction', ['RESEND', 'SUPPRESS']);
  checks.listOf(input.DesiredDeliveryMediums, 'desiredDeliveryMediums', ['SMS', 'EMAIL']);
  checks.check();
  if (input.UserAttributes !== undefined && !Array.isArray(input.UserAttributes)) {
    throw new SerializationException('Value for UserAttributes must be a list.');
  }
  const scope = requirePool(ctx, input.UserPoolId!);
  const policy = scope.pool.Policies?.PasswordPolicy;
  const password = input.TemporaryPassword || temporaryPassword(policy);
  if (input.TemporaryPassword) requireConforming(password, policy, 'change');
  const clientMetadata = metadataMap(input.ClientMetadata);
  const validityMs = (policy?.TemporaryPasswordValidityDays ?? 7) * DAY_MS;

  let user: UserRecord;
  if (input.MessageAction === 'RESEND') {
    const existing = scope.findUser(input.Username!);
    if (!existing) throw userNotFound();
    if (existing.UserStatus !== 'FORCE_CHANGE_PASSWORD') {
      throw new UnsupportedUserStateException(`Resend not possible. ${existing.Username} status is not FORCE_CHANGE_PASSWORD.`);
    }
    user = existing;
  } else {
    const { key, via } = usernameFor(scope, input.Username!);
    let attributes: AttributeType[] = (input.UserAttributes ?? []).map((a) => ({ Name: a?.Name, Value: a?.Value ?? '' }));
    if (via) attributes = [...attributes.filter((a) => a.Name !== via), { Name: via, Value: key }];
    checkSignUpAttributes(scope.pool, { ClientId: NO_CLIENT, UserPoolId: scope.id }, attributes, { requireAll: false });
    const exists = () => {
      if (scope.findUser(key)) throw new UsernameExistsException('User account already exists');
    };
    exists();
    const sub = uuid();
    const now = epochSeconds();
    user = {
      Username: via ? sub : key,
      Attributes: [{ Name: 'sub', Value: sub }, ...attributes],
      UserStatus: 'FORCE_CHANGE_PASSWORD',
      Enabled: true,
      UserCreateDate: now,
      UserLastModifiedDate: now,
      passwordHash: '',
    };
    // Cognito runs PreSignUp for admin-created users too, but ignores its auto-confirm and auto-verify answers.
    await runTrigger(ctx, scope, 'PreSignUp', {
      triggerSource: 'PreSignUp_AdminCreateUser',
      userName: user.Username,
      clientId: NO_CLIENT,
      request: {
        userAttributes: Object.fromEntries(attributes.map((a) => [a.Name!, a.Value ?? ''])),
        validationData: metadataMap(input.ValidationData),
        clientMetadata,
      },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    });
    exists();
  }
  await setPassword(scope.id, user, password);
  user.temporaryPasswordExpiresAt = Date.now() + validityMs;
  if (input.MessageAction !== 'SUPPRESS') {
    for (const delivery of invitationDeliveries(user, input.DesiredDeliveryMediums)) {
      await sendCode(ctx, scope, user, delivery, 'AdminCreateUser', { clientId: NO_CLIENT, clientMetadata, code: password });
    }
  }
  if (input.MessageAction !== 'RESEND' && scope.findUser(input.Username!)) throw new UsernameExistsException('User account already exists');
  scope.putUser(user);
  const { Attributes, ...rest } = userView(user);
  return { User: { ...rest, Attributes } };
}
