/**
 * Typed access to dynalite's internals: its LevelDB-backed store, its request validations and its
 * per-operation actions, called in process (no HTTP in between).
 */

import { createRequire } from 'node:module';
import { AwsError } from '../../core/errors.js';
import { cacheExpressionParses } from './expression-cache.js';

const require = createRequire(import.meta.url);

export type AttributeValue = Record<string, any>;
export type Item = Record<string, AttributeValue>;
export type Callback<T = unknown> = (err?: DynaliteError | null, value?: T) => void;

export interface DynaliteError extends Error {
  statusCode?: number;
  body?: { __type: string; message?: string; Message?: string };
}

export interface KeySchemaElement {
  AttributeName: string;
  KeyType: 'HASH' | 'RANGE';
}

/** A table as dynalite keeps it (the DescribeTable shape). */
export interface TableRecord {
  TableName: string;
  TableArn: string;
  TableStatus: string;
  KeySchema: KeySchemaElement[];
  AttributeDefinitions: Array<{ AttributeName: string; AttributeType: string }>;
  GlobalSecondaryIndexes?: Array<{ IndexName: string; KeySchema: KeySchemaElement[]; Projection: Record<string, unknown> }>;
  LocalSecondaryIndexes?: Array<{ IndexName: string; KeySchema: KeySchemaElement[]; Projection: Record<string, unknown> }>;
  [member: string]: unknown;
}

/** One key range of dynalite's LevelDB (items of a table, entries of an index). */
export interface SubDb {
  get(key: string, cb: Callback): void;
  put(key: string, value: unknown, cb: Callback): void;
  del(key: string, cb: Callback): void;
  lock(key: string, fn: (release: <F>(cb: F) => F) => void): void;
}

export interface BatchOperation {
  type: 'put' | 'del';
  key: string;
  value?: unknown;
}

/** The LevelDB instance (level 10) under dynalite, with the promise forms of its methods. */
export interface LevelDb {
  get(key: string): Promise<unknown>;
  batch(operations: BatchOperation[]): Promise<void>;
  iterator(options: Record<string, unknown>): AsyncIterableIterator<[string, unknown]> & { close(): Promise<void> };
  values(options: Record<string, unknown>): { all(): Promise<unknown[]> };
  keys(options: Record<string, unknown>): { all(): Promise<string[]> };
  close(cb: Callback): void;
}

export interface DynaliteStore {
  options: { maxItemSize: number; [name: string]: unknown };
  db: LevelDb;
  tableDb: SubDb & { awsAccountId: string; awsRegion: string };
  getItemDb(table: string): SubDb;
  getIndexDb(indexType: string, table: string, index: string): SubDb;
  getTable(name: string, checkStatus: boolean | Callback<TableRecord>, cb?: Callback<TableRecord>): void;
  [member: string]: unknown;
}

/** The helpers of dynalite's db module this layer uses. */
export interface DynaliteDb {
  create(options: Record<string, unknown>): DynaliteStore;
  createKey(item: Item, table: TableRecord, keySchema?: KeySchemaElement[]): string;
  validateKey(key: Item, table: TableRecord): DynaliteError | undefined | null;
  validateItem(item: Item, table: TableRecord): DynaliteError | undefined | null;
  validateUpdates(attributeUpdates: unknown, expressionUpdates: unknown, table: TableRecord): DynaliteError | undefined | null;
  checkConditional(data: Record<string, unknown>, existing: Item | undefined): DynaliteError | undefined | null;
  updateIndexes(store: DynaliteStore, table: TableRecord, existing: Item | undefined, item: Item | null, cb: Callback): void;
  itemSize(item: Item): number;
}

interface ValidationModule {
  types: Record<string, unknown>;
  custom?: (data: Record<string, unknown>, store: DynaliteStore) => string | undefined;
}
interface Validations {
  checkTypes(data: unknown, types: Record<string, unknown>): Record<string, any>;
  checkValidations(data: unknown, types: Record<string, unknown>, custom: ValidationModule['custom'], store: DynaliteStore): void;
}

/** The operations dynalite implements, by their AWS names. */
export const DYNALITE_OPERATIONS = [
  'BatchGetItem',
  'BatchWriteItem',
  'CreateTable',
  'DeleteItem',
  'DeleteTable',
  'DescribeTable',
  'DescribeTimeToLive',
  'GetItem',
  'ListTables',
  'ListTagsOfResource',
  'PutItem',
  'Query',
  'Scan',
  'TagResource',
  'UntagResource',
  'UpdateItem',
  'UpdateTable',
] as const;
export type DynaliteOperation = (typeof DYNALITE_OPERATIONS)[number];

type Action = (store: DynaliteStore, data: Record<string, any>, cb: Callback<any>) => void;
const lowerFirst = (name: string) => name[0]!.toLowerCase() + name.slice(1);

interface Dynalite {
  db: DynaliteDb;
  validations: Validations;
  actions: Map<string, Action>;
  actionValidations: Map<string, ValidationModule>;
}
let loaded: Dynalite | undefined;

/** dynalite and LevelDB take about 30 ms to load: they are required by the first DynamoDB request, not at boot. */
function dynalite(): Dynalite {
  if (loaded) return loaded;
  const db = require('dynalite/db') as DynaliteDb;
  cacheExpressionParses();
  const actions = new Map<string, Action>();
  const actionValidations = new Map<string, ValidationModule>();
  for (const operation of DYNALITE_OPERATIONS) {
    actions.set(operation, require(`dynalite/actions/${lowerFirst(operation)}`) as Action);
    actionValidations.set(operation, require(`dynalite/validations/${lowerFirst(operation)}`) as ValidationModule);
  }
  loaded = { db, validations: require('dynalite/validations') as Validations, actions, actionValidations };
  return loaded;
}

export const dynaliteDb = (): DynaliteDb => dynalite().db;

/**
 * Checks a request as DynamoDB does (types, then constraints, then the operation's own rules) and
 * returns dynalite's normalised copy of it, with parsed expressions (`_condition`, `_updates`...).
 * Members the operation does not know are dropped.
 */
export function validateRequest(operation: DynaliteOperation, input: unknown, store: DynaliteStore): Record<string, any> {
  const { validations, actionValidations } = dynalite();
  const rules = actionValidations.get(operation)!;
  try {
    const data = validations.checkTypes(input, rules.types);
    validations.checkValidations(data, rules.types, rules.custom, store);
    return data;
  } catch (err) {
    throw fromDynalite(err);
  }
}

/** Runs one dynalite action against a store (the real one, or a write buffer over it). */
export function runAction<T = Record<string, any>>(
  operation: DynaliteOperation,
  store: DynaliteStore,
  data: Record<string, any>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      dynalite().actions.get(operation)!(store, data, (err, result) => (err ? reject(fromDynalite(err)) : resolve(result as T)));
    } catch (err) {
      reject(fromDynalite(err));
    }
  });
}

/** Reads a table description; ResourceNotFoundException as AWS words it when it is absent (or, with `active`, not usable yet). */
export function getTable(store: DynaliteStore, name: string, active = true): Promise<TableRecord> {
  return new Promise((resolve, reject) => {
    store.getTable(name, active, (err, table) => (err ? reject(fromDynalite(err)) : resolve(table!)));
  });
}

/** dynalite's errors carry AWS's wire body; anything else is a genuine failure and stays one. */
export function fromDynalite(err: unknown): unknown {
  const e = err as DynaliteError;
  if (!e || typeof e !== 'object' || !e.statusCode || !e.body) return err;
  const code = e.body.__type.slice(e.body.__type.lastIndexOf('#') + 1);
  return new AwsError(code, e.body.message ?? e.body.Message ?? '', e.statusCode);
}

export function isAwsError(err: unknown, code: string): err is AwsError {
  return err instanceof AwsError && err.code === code;
}
