import type { UpdateUserAttributesCommandInput, UpdateUserAttributesCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { SerializationException } from '../../../core/errors.js';
import { updateAttributes } from '../attribute-updates.js';
import type { CognitoContext } from '../context.js';
import { metadataMap } from '../triggers.js';
import { checkAccessToken, userOfAccessToken } from '../users.js';
import { Constraints } from '../validate.js';
import type { Out } from '../wire.js';

export async function UpdateUserAttributes(
  input: UpdateUserAttributesCommandInput,
  ctx: CognitoContext,
): Promise<Out<UpdateUserAttributesCommandOutput>> {
  const checks = new Constraints();
  checkAccessToken(checks, input.AccessToken);
  checks.check();
  if (!Array.isArray(input.UserAttributes)) throw new SerializationException('Value for UserAttributes must be a list.');
  const { scope, user, clientId } = userOfAccessToken(ctx, input.AccessToken);
  const client = scope.client(clientId);
  const details = await updateAttributes(
    ctx,
    scope,
    client,
    { clientId, clientMetadata: metadataMap(input.ClientMetadata) },
    user,
    input.UserAttributes,
    { admin: false },
  );
  return details.length > 0 ? { CodeDeliveryDetailsList: details } : {};
}
