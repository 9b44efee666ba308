import type { TagResourceCommandInput, TagResourceCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const TagResource: DynamoOperation<TagResourceCommandInput, TagResourceCommandOutput> = (input, { db }) =>
  db.direct('TagResource', input);
