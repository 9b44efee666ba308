import { type DynaliteOperation, type DynaliteStore, dynaliteDb, type Item, type TableRecord, validateRequest } from '../dynalite.js';
import { missingMember, ValidationException } from '../errors.js';

export const MAX_TRANSACT_ITEMS = 100;

/** Checks the TransactItems list itself (present, 1 to 100 entries). */
export function checkTransactItems(items: unknown): unknown[] {
  if (items === undefined || items === null) throw missingMember('transactItems');
  if (!Array.isArray(items)) throw new ValidationException('Start of list found where not expected');
  if (items.length < 1) {
    throw new ValidationException(
      "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (items.length > MAX_TRANSACT_ITEMS) {
    throw new ValidationException(
      `1 validation error detected at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to ${MAX_TRANSACT_ITEMS}.`,
    );
  }
  return items;
}

/** Validates one action of a transaction with the rules of the single-item operation it resembles. */
export function validateAction(operation: DynaliteOperation, input: unknown, store: DynaliteStore): Record<string, any> {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new ValidationException('Start of structure or map found where not expected');
  return validateRequest(operation, { ...input }, store);
}

/** The key of the item an action targets (Put names it through its item). */
export function actionKey(data: Record<string, any>, table: TableRecord): Item {
  const source: Item = data.Item ?? data.Key;
  const key: Item = {};
  for (const { AttributeName } of table.KeySchema) if (source[AttributeName]) key[AttributeName] = source[AttributeName];
  return key;
}

/** Rejects two actions on one item, as AWS does, before anything runs. */
export function checkDistinctItems(targets: Array<{ table: TableRecord; key: Item }>): string[] {
  const seen = new Set<string>();
  return targets.map(({ table, key }) => {
    const id = `${table.TableName}~${dynaliteDb().createKey(key, table)}`;
    if (seen.has(id)) throw new ValidationException('Transaction request cannot include multiple operations on one item');
    seen.add(id);
    return id;
  });
}
