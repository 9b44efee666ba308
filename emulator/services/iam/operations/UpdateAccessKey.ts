import type { UpdateAccessKeyCommandInput, UpdateAccessKeyCommandOutput } from '@aws-sdk/client-iam';
import { ValidationError } from '../errors.js';
import { requireAccessKey } from './access-keys.js';
import type { IamContext, Output } from './context.js';

export function UpdateAccessKey(input: UpdateAccessKeyCommandInput, ctx: IamContext): Output<UpdateAccessKeyCommandOutput> {
  const key = requireAccessKey(ctx, input.AccessKeyId, input.UserName);
  if (input.Status !== 'Active' && input.Status !== 'Inactive') {
    throw new ValidationError(
      `1 validation error detected: Value '${input.Status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]`,
    );
  }
  ctx.iam.saveAccessKey(ctx.account, { ...key, Status: input.Status });
  return {};
}
