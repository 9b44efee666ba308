import type { GetRecordsCommandInput, GetRecordsCommandOutput } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoOperation, Wire } from '../../context.js';
import { getRecords } from '../stream-api.js';

type Output = Wire<Omit<GetRecordsCommandOutput, '$metadata'>>;

export const GetRecords: DynamoOperation<GetRecordsCommandInput, GetRecordsCommandOutput> = async (input, { db }) =>
  (await getRecords(db, input)) as Output;
