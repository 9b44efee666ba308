import type { UpdateTableCommandInput, UpdateTableCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';
import { validateRequest } from '../dynalite.js';
import { ValidationException } from '../errors.js';
import { checkStreamSpecification, disableStream, enableStream, streamMembers } from '../streams/table-streams.js';

const OTHER_UPDATES = ['ProvisionedThroughput', 'BillingMode', 'GlobalSecondaryIndexUpdates', 'SSESpecification'] as const;

/** dynalite applies throughput, billing and index changes; streams are ours. */
export const UpdateTable: DynamoOperation<UpdateTableCommandInput, UpdateTableCommandOutput> = async (input, { db }) => {
  const { StreamSpecification, ...request } = input;
  if (!StreamSpecification) {
    return db.exclusive(async () => {
      const updated = await db.direct('UpdateTable', request);
      await db.settle(updated.TableDescription.TableName, 'ACTIVE');
      return updated;
    });
  }
  const viewType = checkStreamSpecification(StreamSpecification, false);
  const others = OTHER_UPDATES.some((member) => request[member] != null);
  if (!others) validateRequest('DescribeTable', { TableName: request.TableName }, db.store);
  return db.exclusive(async () => {
    const name = request.TableName!;
    const current = await db.table(name, false);
    const settings = db.settings.table(name);
    if (viewType && settings?.stream) throw new ValidationException(`Table already has an enabled stream: TableName: ${name}`);
    if (!viewType && !settings?.stream) throw new ValidationException(`Table has no stream to disable: TableName: ${name}`);
    const description = others ? (await db.direct('UpdateTable', request)).TableDescription : current;
    if (others) await db.settle(name, 'ACTIVE');
    if (viewType) enableStream(db, current, viewType);
    else disableStream(db, name);
    return { TableDescription: { ...description, ...streamMembers(db.settings.table(name)) } };
  });
};
