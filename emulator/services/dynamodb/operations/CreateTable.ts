import type { CreateTableCommandInput, CreateTableCommandOutput } from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.js';
import type { DynamoOperation } from '../context.js';
import { isAwsError } from '../dynalite.js';
import { checkStreamSpecification, enableStream, streamMembers } from '../streams/table-streams.js';

export const CreateTable: DynamoOperation<CreateTableCommandInput, CreateTableCommandOutput> = async (input, { db }) => {
  const { StreamSpecification, ...request } = input;
  const viewType = StreamSpecification ? checkStreamSpecification(StreamSpecification, true) : undefined;
  return db.exclusive(async () => {
    let created: Record<string, any>;
    try {
      created = (await db.direct('CreateTable', request)).TableDescription;
    } catch (err) {
      if (isAwsError(err, 'ResourceInUseException') && !err.message) {
        throw new AwsError(err.code, `Table already exists: ${request.TableName}`, err.status);
      }
      throw err;
    }
    await db.settle(created.TableName, 'ACTIVE');
    // A table of the same name deleted earlier leaves no settings behind.
    db.settings.deleteTable(created.TableName);
    if (viewType) enableStream(db, await db.table(created.TableName, false), viewType);
    return { TableDescription: { ...created, ...streamMembers(db.settings.table(created.TableName)) } };
  });
};
