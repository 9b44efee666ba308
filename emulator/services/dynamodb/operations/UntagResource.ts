import type { UntagResourceCommandInput, UntagResourceCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const UntagResource: DynamoOperation<UntagResourceCommandInput, UntagResourceCommandOutput> = (input, { db }) =>
  db.direct('UntagResource', input);
