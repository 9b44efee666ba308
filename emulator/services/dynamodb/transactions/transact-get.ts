import type { Database } from '../database.js';
import { dynaliteDb, fromDynalite, runAction } from '../dynalite.js';
import { missingMember } from '../errors.js';
import { actionKey, checkDistinctItems, checkTransactItems, validateAction } from './transact-items.js';

/** TransactGetItems: reads the items as of one moment (no write commits while they are read). */
export async function transactGetItems(db: Database, input: Record<string, any>): Promise<Record<string, unknown>> {
  const gets = checkTransactItems(input.TransactItems).map((entry, i) => {
    const get = (entry as Record<string, unknown> | null)?.Get;
    if (get == null) throw missingMember(`transactItems.${i + 1}.member.get`);
    return validateAction('GetItem', get, db.store);
  });
  return db.exclusive(async () => {
    const tables = await Promise.all(gets.map((get) => db.table(get.TableName)));
    gets.forEach((get, i) => {
      const invalid = dynaliteDb().validateKey(get.Key, tables[i]!);
      if (invalid) throw fromDynalite(invalid);
    });
    checkDistinctItems(gets.map((get, i) => ({ table: tables[i]!, key: actionKey(get, tables[i]!) })));
    const results = await Promise.all(gets.map((get) => runAction('GetItem', db.store, get)));
    return { Responses: results.map((result) => (result.Item ? { Item: result.Item } : {})) };
  });
}
