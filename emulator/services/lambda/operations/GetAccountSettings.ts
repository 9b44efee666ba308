import type { GetAccountSettingsCommandInput, GetAccountSettingsCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaOperation } from '../context.js';

/** AWS's limits for deployment packages, and this account's concurrency and usage in the region. */
export const GetAccountSettings: LambdaOperation<GetAccountSettingsCommandInput, GetAccountSettingsCommandOutput> = (_input, ctx) => {
  const functions = ctx.runner.functions(ctx.account, ctx.region).list();
  const limit = ctx.runner.gate.accountLimit;
  const reserved = ctx.runner.reservedConcurrency(ctx.account, ctx.region).total();
  let totalCodeSize = 0;
  for (const fn of functions) for (const config of Object.values(fn.versions)) totalCodeSize += config.codeSize;
  return {
    AccountLimit: {
      TotalCodeSize: 80_530_636_800,
      CodeSizeUnzipped: 262_144_000,
      CodeSizeZipped: 52_428_800,
      ConcurrentExecutions: limit,
      UnreservedConcurrentExecutions: limit - reserved,
    },
    AccountUsage: { TotalCodeSize: totalCodeSize, FunctionCount: functions.length },
  };
};
