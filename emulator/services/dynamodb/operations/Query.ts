import type { QueryCommandInput, QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const Query: DynamoOperation<QueryCommandInput, QueryCommandOutput> = (input, { db }) => db.direct('Query', input);
