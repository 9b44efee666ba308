import type { Callback, DynaliteStore, TableRecord } from './dynalite.js';

/**
 * dynalite reads a table's description from LevelDB on every request; this keeps the descriptions
 * in memory. Any write to the table records (CreateTable, UpdateTable, DeleteTable and dynalite's
 * delayed status changes) drops the cached copy, and a read that raced with such a write is not
 * cached.
 */
export function cacheTableDescriptions(store: DynaliteStore): void {
  const cache = new Map<string, TableRecord>();
  let generation = 0;
  const tableDb = store.tableDb;
  const put = tableDb.put.bind(tableDb);
  const del = tableDb.del.bind(tableDb);
  // Dropped when a write starts and again when it lands, so a read in between is never kept.
  const forget = (key: string) => {
    generation++;
    cache.delete(key);
  };
  tableDb.put = (key, value, cb) => {
    forget(key);
    put(key, value, (err) => {
      forget(key);
      cb?.(err);
    });
  };
  tableDb.del = (key, cb) => {
    forget(key);
    del(key, (err) => {
      forget(key);
      cb?.(err);
    });
  };
  const getTable = store.getTable.bind(store);
  store.getTable = (name: string, checkStatus: boolean | Callback<TableRecord>, maybeCb?: Callback<TableRecord>) => {
    // dynalite's two-argument form checks the status (the callback stands in for a truthy flag).
    const cb = (typeof checkStatus === 'function' ? checkStatus : maybeCb)!;
    const active = typeof checkStatus === 'function' ? true : checkStatus;
    const cached = cache.get(name);
    if (cached && (!active || (cached.TableStatus !== 'CREATING' && cached.TableStatus !== 'DELETING'))) {
      queueMicrotask(() => cb(null, cached));
      return;
    }
    const seen = generation;
    getTable(name, active, (err, table) => {
      if (!err && table && seen === generation) cache.set(name, table);
      cb(err, table);
    });
  };
}
