import type { PutItemCommandInput, PutItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const PutItem: DynamoOperation<PutItemCommandInput, PutItemCommandOutput> = (input, { db }) => db.write('PutItem', input);
