import type { UpdateAccountCommandInput, UpdateAccountCommandOutput } from '@aws-sdk/client-api-gateway';
import { applyPatch } from '../patch.js';
import type { ApiOp } from './context.js';
import { GetAccount } from './GetAccount.js';

export const UpdateAccount: ApiOp<UpdateAccountCommandInput, UpdateAccountCommandOutput> = (input, ctx) => {
  const settings = { ...ctx.state.accountSettings() };
  applyPatch(settings, input.patchOperations, [{ path: '/cloudwatchRoleArn', ops: ['replace'], kind: 'string' }], 'updateAccountInput');
  ctx.state.saveAccountSettings(settings);
  return GetAccount({}, ctx);
};
