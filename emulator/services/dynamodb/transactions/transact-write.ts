import type { Database } from '../database.js';
import { type DynaliteOperation, dynaliteDb, fromDynalite, type Item, isAwsError, runAction, type TableRecord } from '../dynalite.js';
import { type CancellationReason, missingMember, transactionCanceled, ValidationException } from '../errors.js';
import { WriteBuffer } from '../write-buffer.js';
import { RequestTokens } from './request-tokens.js';
import { actionKey, checkDistinctItems, checkTransactItems, validateAction } from './transact-items.js';

type ActionType = 'ConditionCheck' | 'Put' | 'Update' | 'Delete';
const ACTION_TYPES: ActionType[] = ['ConditionCheck', 'Put', 'Update', 'Delete'];
const OPERATION_OF: Record<ActionType, DynaliteOperation> = {
  ConditionCheck: 'DeleteItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
};

interface Action {
  type: ActionType;
  data: Record<string, any>;
  returnOldOnFailure: boolean;
}

/**
 * TransactWriteItems: every action's condition is evaluated against the state before the
 * transaction, and either all actions apply (one LevelDB batch) or none does, with one
 * cancellation reason per action in the request's order.
 */
export async function transactWriteItems(db: Database, input: Record<string, any>): Promise<Record<string, unknown>> {
  const actions = checkTransactItems(input.TransactItems).map((entry, i) => parseAction(entry, i, db));
  const token = RequestTokens.check(input.ClientRequestToken);
  return db.exclusive(async () => {
    const tokens = new RequestTokens(db.store.db);
    const replay = token ? await tokens.replay(token, input) : undefined;
    if (replay) return replay;

    const tables = await Promise.all(actions.map((a) => db.table(a.data.TableName)));
    for (const [i, action] of actions.entries()) checkStatically(action, tables[i]!);
    const keys = actions.map((action, i) => actionKey(action.data, tables[i]!));
    checkDistinctItems(keys.map((key, i) => ({ table: tables[i]!, key })));

    const buffer = new WriteBuffer(db.store);
    const reasons: CancellationReason[] = [];
    for (const [i, action] of actions.entries()) {
      const table = tables[i]!;
      const current = await buffer.readItem(table.TableName, dynaliteDb().createKey(keys[i]!, table));
      reasons.push(await apply(action, buffer, current));
    }
    if (reasons.some((r) => r.Code !== 'None')) throw transactionCanceled(reasons);

    const output = {};
    await db.commit(buffer, token ? tokens.recordOperations(token, input, output) : []);
    return output;
  });
}

function parseAction(entry: unknown, index: number, db: Database): Action {
  if (!entry || typeof entry !== 'object') throw missingMember(`transactItems.${index + 1}.member`);
  const present = ACTION_TYPES.filter((type) => (entry as Record<string, unknown>)[type] != null);
  if (present.length !== 1) throw new ValidationException('TransactItems can only contain one of Check, Put, Update or Delete');
  const type = present[0]!;
  const raw = (entry as Record<string, Record<string, unknown>>)[type]!;
  const member = `transactItems.${index + 1}.member.${type[0]!.toLowerCase()}${type.slice(1)}`;
  if (type === 'ConditionCheck' && raw.ConditionExpression == null) throw missingMember(`${member}.conditionExpression`);
  if (type === 'Update' && raw.UpdateExpression == null) throw missingMember(`${member}.updateExpression`);
  const returnValues = raw.ReturnValuesOnConditionCheckFailure;
  if (returnValues !== undefined && returnValues !== 'ALL_OLD' && returnValues !== 'NONE') {
    throw new ValidationException(
      `1 validation error detected: Value '${String(returnValues)}' at '${member}.returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]`,
    );
  }
  const { ReturnValuesOnConditionCheckFailure: _, ...request } = raw;
  return { type, data: validateAction(OPERATION_OF[type], request, db.store), returnOldOnFailure: returnValues === 'ALL_OLD' };
}

/** Errors in the request itself (wrong key, updating a key attribute) fail the whole call, not one action. */
function checkStatically(action: Action, table: TableRecord): void {
  const { data } = action;
  const invalid =
    action.type === 'Put'
      ? dynaliteDb().validateItem(data.Item, table)
      : (dynaliteDb().validateKey(data.Key, table) ??
        (action.type === 'Update' ? dynaliteDb().validateUpdates(data.AttributeUpdates, data._updates, table) : undefined));
  if (invalid) throw fromDynalite(invalid);
}

async function apply(action: Action, buffer: WriteBuffer, current: Item | undefined): Promise<CancellationReason> {
  try {
    if (action.type === 'ConditionCheck') {
      const failed = dynaliteDb().checkConditional(action.data, current);
      if (failed) throw fromDynalite(failed);
    } else {
      await runAction(OPERATION_OF[action.type], buffer.store, action.data);
    }
    return { Code: 'None' };
  } catch (err) {
    if (isAwsError(err, 'ConditionalCheckFailedException')) {
      return {
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed',
        ...(action.returnOldOnFailure && current ? { Item: current } : {}),
      };
    }
    if (isAwsError(err, 'ValidationException')) return { Code: 'ValidationError', Message: err.message };
    throw err;
  }
}
