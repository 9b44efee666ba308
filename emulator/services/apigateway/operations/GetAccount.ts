import type { GetAccountCommandInput, GetAccountCommandOutput } from '@aws-sdk/client-api-gateway';
import type { ApiOp } from './context.js';

export const GetAccount: ApiOp<GetAccountCommandInput, GetAccountCommandOutput> = (_input, ctx) => ({
  ...ctx.state.accountSettings(),
  throttleSettings: { burstLimit: 5000, rateLimit: 10000 },
  features: ['UsagePlans'],
  apiKeyVersion: '4',
});
