import type { UntagResourceCommandInput, UntagResourceCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaOperation } from '../context.js';
import { ValidationException, validationMessage } from '../errors.js';
import { LATEST, touchRevision } from '../state.js';
import { taggedFunction } from '../tags.js';

/** One `tagKeys` query parameter arrives as text, several as a list. */
type Input = Omit<UntagResourceCommandInput, 'TagKeys'> & { TagKeys?: string | string[] };

export const UntagResource: LambdaOperation<Input, UntagResourceCommandOutput> = (input, ctx) => {
  const keys = input.TagKeys === undefined ? [] : Array.isArray(input.TagKeys) ? input.TagKeys : [input.TagKeys];
  if (!keys.length) throw new ValidationException(validationMessage('tagKeys', undefined, 'Member must not be null'));
  const { functions, fn } = taggedFunction(ctx.runner, ctx.account, ctx.region, input.Resource);
  const tags = { ...fn.tags };
  for (const key of keys) delete tags[key];
  fn.tags = tags;
  touchRevision(fn, LATEST);
  functions.put(fn);
  return {};
};
