import type { UpdateRoleCommandInput, UpdateRoleCommandOutput } from '@aws-sdk/client-iam';
import { ValidationError } from '../errors.js';
import { asNumber } from '../validation.js';
import { requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function UpdateRole(input: UpdateRoleCommandInput, ctx: IamContext): Output<UpdateRoleCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  const maxSession = asNumber(input.MaxSessionDuration);
  if (maxSession !== undefined && (!Number.isInteger(maxSession) || maxSession < 3600 || maxSession > 43200)) {
    throw new ValidationError(
      `1 validation error detected: Value '${input.MaxSessionDuration}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200`,
    );
  }
  ctx.iam.roles(ctx.account).put(role.RoleName.toLowerCase(), {
    ...role,
    Description: input.Description ?? role.Description,
    MaxSessionDuration: maxSession ?? role.MaxSessionDuration,
  });
  return {};
}
