import type {
  AdminUpdateUserAttributesCommandInput,
  AdminUpdateUserAttributesCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { SerializationException } from '../../../core/errors.js';
import { updateAttributes } from '../attribute-updates.js';
import { type CognitoContext, requirePool } from '../context.js';
import { userNotFound } from '../errors.js';
import { metadataMap, NO_CLIENT } from '../triggers.js';
import { Constraints, checkPoolId, checkUsername } from '../validate.js';
import type { Out } from '../wire.js';

/** Like UpdateUserAttributes, and may also mark an email or phone number verified (`email_verified: "true"`). */
export async function AdminUpdateUserAttributes(
  input: AdminUpdateUserAttributesCommandInput,
  ctx: CognitoContext,
): Promise<Out<AdminUpdateUserAttributesCommandOutput>> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkUsername(checks, input.Username);
  checks.check();
  if (!Array.isArray(input.UserAttributes)) throw new SerializationException('Value for UserAttributes must be a list.');
  const scope = requirePool(ctx, input.UserPoolId!);
  const user = scope.findUser(input.Username!);
  if (!user) throw userNotFound();
  await updateAttributes(
    ctx,
    scope,
    undefined,
    { clientId: NO_CLIENT, clientMetadata: metadataMap(input.ClientMetadata) },
    user,
    input.UserAttributes,
    { admin: true },
  );
  return {};
}
