import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { Model } from '@aws-sdk/client-api-gateway';
import AjvDraft04, { type ValidateFunction } from 'ajv-draft-04';
import { BadRequestException } from './errors.js';
import type { Wire } from './model.js';

/** How a model names another model of its API: `{"$ref": "https://apigateway.amazonaws.com/restapis/{id}/models/{name}"}`. */
export const modelUrl = (apiId: string, name: string) => `https://apigateway.amazonaws.com/restapis/${apiId}/models/${name}`;
const MODEL_REF = /^https:\/\/apigateway\.amazonaws\.com\/restapis\/[^/]+\/models\/([^/#]+)(#.*)?$/;

/** The model a `$ref` names, if it names one. */
export function referencedModel(ref: unknown): string | undefined {
  return typeof ref === 'string' ? MODEL_REF.exec(ref)?.[1] : undefined;
}

/** The JSON Schema draft-04 keywords API Gateway accepts in a model. */
const KEYWORDS = new Set([
  '$schema',
  '$ref',
  'id',
  'title',
  'description',
  'default',
  'type',
  'enum',
  'format',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'items',
  'additionalItems',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'properties',
  'patternProperties',
  'additionalProperties',
  'dependencies',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'definitions',
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unsupportedKeywords(schema: unknown, found: Set<string>): void {
  if (!isObject(schema)) return;
  for (const [key, value] of Object.entries(schema)) {
    if (!KEYWORDS.has(key)) found.add(key);
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions' || key === 'dependencies') {
      if (isObject(value)) for (const child of Object.values(value)) unsupportedKeywords(child, found);
    } else if (key === 'items' || key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      for (const child of Array.isArray(value) ? value : [value]) unsupportedKeywords(child, found);
    } else if (key === 'additionalItems' || key === 'additionalProperties' || key === 'not') {
      unsupportedKeywords(value, found);
    }
  }
}

const invalidModel = (detail: string) =>
  new BadRequestException(`Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified${detail}]`);

/** Checks a model schema as CreateModel and UpdateModel do: a JSON object using draft-04 keywords only. */
export function checkModelSchema(schema: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(schema);
  } catch {
    throw invalidModel('');
  }
  if (!isObject(parsed)) throw invalidModel('');
  const found = new Set<string>();
  unsupportedKeywords(parsed, found);
  if (found.size) throw invalidModel(`. Unsupported keyword(s): [${[...found].map((k) => JSON.stringify(k)).join(', ')}]`);
}

/** A model's schema as an object (an unparsable one as the empty schema). */
export function modelSchema(model: Wire<Model> | undefined): Record<string, unknown> {
  try {
    const parsed = JSON.parse(model?.schema ?? '{}');
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** ajv-draft-04 is CommonJS: its class is the module's `default`. */
const Ajv = AjvDraft04.default;

/** The formats draft-04 defines, which API Gateway's validator checks. */
const FORMATS = {
  'date-time': (v: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(v) && !Number.isNaN(Date.parse(v)),
  email: /^[^\s@]+@[^\s@]+$/,
  hostname: /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i,
  ipv4: (v: string) => isIPv4(v),
  ipv6: (v: string) => isIPv6(v),
  uri: (v: string) => URL.canParse(v),
};

const validators = new Map<string, ValidateFunction | null>();
const CACHE_SIZE = 128;
/** The same, found by the identity of a deployment's (frozen, shared) models before hashing them. */
const validatorsByModels = new WeakMap<object, Map<string, ValidateFunction | null>>();

/**
 * The draft-04 validator of one model, with `$ref`s to the API's other models resolved; undefined
 * when the model or a model it refers to cannot be compiled.
 */
export function modelValidator(apiId: string, models: Record<string, Wire<Model>>, name: string): ValidateFunction | undefined {
  let known = validatorsByModels.get(models);
  const hit = known?.get(`${apiId}/${name}`);
  if (hit !== undefined) return hit ?? undefined;
  const validate = compiledValidator(apiId, models, name);
  // Only frozen models (a deployment snapshot read through Store.peek) cannot change under the cache.
  if (Object.isFrozen(models)) {
    if (!known) validatorsByModels.set(models, (known = new Map()));
    known.set(`${apiId}/${name}`, validate ?? null);
  }
  return validate;
}

function compiledValidator(apiId: string, models: Record<string, Wire<Model>>, name: string): ValidateFunction | undefined {
  const key = createHash('sha1')
    .update(JSON.stringify([apiId, name, models]))
    .digest('hex');
  if (validators.has(key)) return validators.get(key) ?? undefined;
  let validate: ValidateFunction | null = null;
  try {
    const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, logger: false, formats: FORMATS });
    for (const model of Object.values(models)) {
      const { $schema: _schema, id: _id, ...schema } = modelSchema(model);
      ajv.addSchema({ ...schema, id: modelUrl(apiId, model.name!) });
    }
    validate = ajv.getSchema(modelUrl(apiId, name)) ?? null;
  } catch {
    validate = null;
  }
  if (validators.size >= CACHE_SIZE) validators.delete(validators.keys().next().value!);
  validators.set(key, validate);
  return validate ?? undefined;
}

/** GetModel's `flatten=true`: the schema with every `$ref` to another model of the API replaced by that model's schema. */
export function flattenedSchema(models: Record<string, Wire<Model>>, name: string): string {
  const inline = (node: unknown, seen: string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => inline(n, seen));
    if (!isObject(node)) return node;
    const ref = referencedModel(node.$ref);
    if (ref && models[ref] && !seen.includes(ref)) {
      const { $schema: _schema, ...schema } = modelSchema(models[ref]);
      return inline(schema, [...seen, ref]);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v, seen)]));
  };
  return JSON.stringify(inline(modelSchema(models[name]), [name]));
}
