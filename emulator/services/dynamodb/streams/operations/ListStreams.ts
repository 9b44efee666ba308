import type { ListStreamsCommandInput, ListStreamsCommandOutput } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoOperation } from '../../context.js';
import { listStreams } from '../stream-api.js';

export const ListStreams: DynamoOperation<ListStreamsCommandInput, ListStreamsCommandOutput> = (input, { db }) => listStreams(db, input);
