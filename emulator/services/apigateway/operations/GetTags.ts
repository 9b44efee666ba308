import type { GetTagsCommandInput, GetTagsCommandOutput } from '@aws-sdk/client-api-gateway';
import type { ApiOp } from './context.js';
import { withTags } from './tags.js';

export const GetTags: ApiOp<GetTagsCommandInput, GetTagsCommandOutput> = (input, ctx) => ({ tags: withTags(ctx, input.resourceArn!) });
