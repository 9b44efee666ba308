import type { DeleteTableCommandInput, DeleteTableCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';
import { disableStream, streamMembers } from '../streams/table-streams.js';

/** Deleting a table closes its stream (readable for 24 hours more) and forgets its TTL. */
export const DeleteTable: DynamoOperation<DeleteTableCommandInput, DeleteTableCommandOutput> = (input, { db }) =>
  db.exclusive(async () => {
    const { TableDescription } = await db.direct('DeleteTable', input);
    await db.settle(TableDescription.TableName, 'GONE');
    const members = streamMembers(db.settings.table(TableDescription.TableName));
    disableStream(db, TableDescription.TableName, true);
    return { TableDescription: { ...TableDescription, ...members } };
  });
