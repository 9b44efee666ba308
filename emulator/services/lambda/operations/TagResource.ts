import type { TagResourceCommandInput, TagResourceCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaOperation } from '../context.js';
import { InvalidParameterValueException } from '../errors.js';
import { LATEST, touchRevision } from '../state.js';
import { MAX_TAGS, taggedFunction, validateTags } from '../tags.js';

/** Adds or replaces tags of a function (by its unqualified ARN); the function gets a new RevisionId. */
export const TagResource: LambdaOperation<TagResourceCommandInput, TagResourceCommandOutput> = (input, ctx) => {
  const { functions, fn } = taggedFunction(ctx.runner, ctx.account, ctx.region, input.Resource);
  if (!input.Tags || typeof input.Tags !== 'object' || !Object.keys(input.Tags).length) {
    throw new InvalidParameterValueException('An error occurred and the request cannot be processed.');
  }
  const tags = { ...fn.tags, ...validateTags(input.Tags) };
  if (Object.keys(tags).length > MAX_TAGS) throw new InvalidParameterValueException('Number of tags exceeds function tag limit.');
  fn.tags = tags;
  touchRevision(fn, LATEST);
  functions.put(fn);
  return {};
};
