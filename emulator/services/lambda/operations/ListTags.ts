import type { ListTagsCommandInput, ListTagsCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaOperation } from '../context.js';
import { taggedFunction } from '../tags.js';

export const ListTags: LambdaOperation<ListTagsCommandInput, ListTagsCommandOutput> = (input, ctx) => {
  const { fn } = taggedFunction(ctx.runner, ctx.account, ctx.region, input.Resource);
  return { Tags: fn.tags ?? {} };
};
