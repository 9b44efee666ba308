import type { GetRoleCommandInput, GetRoleCommandOutput } from '@aws-sdk/client-iam';
import { requireRole, roleView } from './common.js';
import type { IamContext, Output } from './context.js';

export function GetRole(input: GetRoleCommandInput, ctx: IamContext): Output<GetRoleCommandOutput> {
  return { Role: roleView(requireRole(ctx, input.RoleName)) };
}
