import type { AttributeType, CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { isEmail, isPhoneNumber } from './attributes.js';
import { type Delivery, deliveryDetails, sendCode } from './codes.js';
import type { CognitoContext } from './context.js';
import { InvalidParameterException, NotAuthorizedException } from './errors.js';
import { attribute, type ClientRecord, type PoolScope, setAttribute, type UserRecord } from './state.js';
import { epochSeconds } from './wire.js';

const VERIFIABLE = ['email', 'phone_number'] as const;
type Verifiable = (typeof VERIFIABLE)[number];
const invalid = (detail: string) => new InvalidParameterException(`Invalid user attributes: ${detail}`);

/**
 * Checks attribute changes against the schema and the client's write permissions and applies
 * them to the user (not saved). Only administrators may write `email_verified` and
 * `phone_number_verified`; nobody writes `sub` or immutable attributes.
 */
export function applyAttributeChanges(
  scope: PoolScope,
  client: ClientRecord | undefined,
  user: UserRecord,
  changes: AttributeType[],
  options: { admin: boolean },
): void {
  const schema = new Map((scope.pool.SchemaAttributes ?? []).map((s) => [s.Name!, s]));
  for (const change of changes) {
    if (!change || typeof change.Name !== 'string' || typeof (change.Value ?? '') !== 'string') {
      throw new InvalidParameterException(
        "1 validation error detected: Value null at 'userAttributes.member.name' failed to satisfy constraint: Member must not be null",
      );
    }
    const spec = schema.get(change.Name);
    if (!spec || (spec.DeveloperOnlyAttribute && !options.admin))
      throw invalid(`user.${change.Name}: Attribute does not exist in the schema.`);
    const verifiedFlag = change.Name.endsWith('_verified');
    if (
      change.Name === 'sub' ||
      (verifiedFlag && !options.admin) ||
      (!options.admin && client?.WriteAttributes && !client.WriteAttributes.includes(change.Name))
    ) {
      throw new NotAuthorizedException('A client attempted to write unauthorized attribute');
    }
    if (spec.Mutable === false && attribute(user, change.Name) !== undefined) {
      throw invalid(`user.${change.Name}: Attribute cannot be updated. (changing an immutable attribute)`);
    }
    const value = change.Value ?? '';
    const max = Number(spec.StringAttributeConstraints?.MaxLength ?? 2048);
    if (value.length > max) throw invalid(`user.${change.Name}: String must be no longer than ${max} characters`);
    if (change.Name === 'email' && !isEmail(value)) throw new InvalidParameterException('Invalid email address format.');
    if (change.Name === 'phone_number' && !isPhoneNumber(value)) throw new InvalidParameterException('Invalid phone number format.');
    if (verifiedFlag && value !== 'true' && value !== 'false') throw invalid(`user.${change.Name}: Value must be true or false`);
  }
  for (const change of changes) setAttribute(user, change.Name!, change.Value ?? '');
  user.UserLastModifiedDate = epochSeconds();
}

/**
 * UpdateUserAttributes and AdminUpdateUserAttributes: a new email or phone number becomes
 * unverified (unless an administrator marks it verified in the same call) and, in pools that
 * verify it automatically, gets a code. When the pool keeps the old value until the new one is
 * verified (AttributesRequireVerificationBeforeUpdate), the new value waits beside the code.
 * Saves the user; returns where codes went.
 */
export async function updateAttributes(
  ctx: CognitoContext,
  scope: PoolScope,
  client: ClientRecord | undefined,
  caller: { clientId: string; clientMetadata?: Record<string, string> },
  user: UserRecord,
  changes: AttributeType[],
  options: { admin: boolean },
): Promise<CodeDeliveryDetailsType[]> {
  const auto = scope.pool.AutoVerifiedAttributes ?? [];
  const holdBack = scope.pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
  const changed = (name: string) => changes.find((c) => c?.Name === name)?.Value;
  const toVerify: Array<{ name: Verifiable; value: string; held: boolean }> = [];
  for (const name of VERIFIABLE) {
    const value = changed(name);
    if (value === undefined || value === attribute(user, name)) continue;
    if (options.admin && changed(`${name}_verified`) === 'true') continue;
    const held =
      holdBack.includes(name) && auto.includes(name) && attribute(user, name) !== undefined && changed(`${name}_verified`) === undefined;
    toVerify.push({ name, value, held });
  }
  const before = new Map(toVerify.map((v) => [v.name, attribute(user, v.name)]));
  applyAttributeChanges(scope, client, user, changes, options);
  // A held-back value keeps the old one in place until the code confirms the new one.
  for (const item of toVerify) {
    const old = before.get(item.name);
    if (item.held && old !== undefined) setAttribute(user, item.name, old);
  }
  const details: CodeDeliveryDetailsType[] = [];
  for (const item of toVerify) {
    if (!item.held) setAttribute(user, `${item.name}_verified`, 'false');
    if (!auto.includes(item.name)) continue;
    const delivery: Delivery =
      item.name === 'email'
        ? { attribute: 'email', medium: 'EMAIL', address: item.value }
        : { attribute: 'phone_number', medium: 'SMS', address: item.value };
    const pending = await sendCode(ctx, scope, user, delivery, 'UpdateUserAttribute', caller);
    user.attributeCodes = { ...user.attributeCodes, [item.name]: { ...pending, ...(item.held ? { value: item.value } : {}) } };
    details.push(deliveryDetails(delivery));
  }
  scope.putUser(user);
  return details;
}
