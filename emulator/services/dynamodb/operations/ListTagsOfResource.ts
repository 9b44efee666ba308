import type { ListTagsOfResourceCommandInput, ListTagsOfResourceCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const ListTagsOfResource: DynamoOperation<ListTagsOfResourceCommandInput, ListTagsOfResourceCommandOutput> = (input, { db }) =>
  db.direct('ListTagsOfResource', input);
