import type { UpdateItemCommandInput, UpdateItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const UpdateItem: DynamoOperation<UpdateItemCommandInput, UpdateItemCommandOutput> = (input, { db }) =>
  db.write('UpdateItem', input);
