import type { CreateTableCommandInput, CreateTableCommandOutput, Tag } from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.js';
import type { DynamoOperation } from '../context.js';
import { isAwsError } from '../dynalite.js';
import { ValidationException } from '../errors.js';
import { checkStreamSpecification, enableStream, streamMembers } from '../streams/table-streams.js';

export const CreateTable: DynamoOperation<CreateTableCommandInput, CreateTableCommandOutput> = async (input, { db }) => {
  const { StreamSpecification, Tags, ...request } = input;
  const viewType = StreamSpecification ? checkStreamSpecification(StreamSpecification, true) : undefined;
  if (Tags !== undefined) checkTags(Tags);
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
    if (Tags?.length) await db.direct('TagResource', { ResourceArn: created.TableArn, Tags });
    return { TableDescription: { ...created, ...streamMembers(db.settings.table(created.TableName)) } };
  });
};

/** CreateTable's Tags, checked before anything is created (TagResource's own checks would come too late). */
function checkTags(tags: unknown): asserts tags is Tag[] {
  if (!Array.isArray(tags)) throw new ValidationException('Tags must be a list');
  if (tags.length > 50) throw new ValidationException('The number of tags exceeds the limit of 50 tags per resource');
  tags.forEach((tag: Partial<Tag> | null, i) => {
    const at = `tags.${i + 1}.member`;
    if (typeof tag?.Key !== 'string' || tag.Key.length < 1 || tag.Key.length > 128) {
      throw new ValidationException(
        `1 validation error detected: Value at '${at}.key' failed to satisfy constraint: Member must have length between 1 and 128`,
      );
    }
    if (typeof tag.Value !== 'string' || tag.Value.length > 256) {
      throw new ValidationException(
        `1 validation error detected: Value at '${at}.value' failed to satisfy constraint: Member must have length less than or equal to 256`,
      );
    }
  });
}
