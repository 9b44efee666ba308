import type { GetItemCommandInput, GetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const GetItem: DynamoOperation<GetItemCommandInput, GetItemCommandOutput> = (input, { db }) => db.direct('GetItem', input);
