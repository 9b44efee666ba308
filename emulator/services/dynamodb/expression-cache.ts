/**
 * dynalite parses every expression of every request with its PEG parsers, which was a fifth of
 * the local cloud's time on the chat app's message path. The same expressions come back request
 * after request with other values, so each parse's outcome is kept, keyed by everything the
 * parser reads, and later requests get a copy with their own values in place.
 *
 * What a parser reads: the expression, ExpressionAttributeNames, whether it parses a key
 * condition, and of ExpressionAttributeValues only which exist and their types, except for
 * BETWEEN (compares its bounds) and attribute_type (reads its type name), where the key holds the
 * values themselves. Errors are kept too and thrown again as they were.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type AttributeValue = Record<string, unknown>;

interface ParseContext {
  attrNames?: Record<string, string>;
  attrVals?: Record<string, AttributeValue>;
  unusedAttrNames?: Record<string, boolean>;
  unusedAttrVals?: Record<string, boolean>;
  isKeyCondition?: boolean;
  [member: string]: unknown;
}

interface PegParser {
  parse(input: string, options: { context: ParseContext }): unknown;
}

/** Where a request's attribute value goes in a kept parse tree. */
class ValueSlot {
  constructor(readonly name: string) {}
}

type Outcome = { ok: true; tree: unknown; usedNames: string[]; usedValues: string[] } | { ok: false; error: unknown };

const MAX_ENTRIES = 1000;
const VALUE_DEPENDENT = /between|attribute_type/i;

/** Replaces the `parse` of dynalite's expression parsers by a caching one (once per process). */
export function cacheExpressionParses(): void {
  for (const name of ['conditionParser', 'updateParser', 'projectionParser']) {
    const parser = require(`dynalite/db/${name}`) as PegParser & { cached?: boolean };
    if (parser.cached) continue;
    const parse = parser.parse.bind(parser);
    const outcomes = new Map<string, Outcome>();
    parser.parse = (input, options) => cachedParse(name, parse, outcomes, input, options.context);
    parser.cached = true;
  }
}

function cachedParse(
  parserName: string,
  parse: PegParser['parse'],
  outcomes: Map<string, Outcome>,
  input: string,
  context: ParseContext,
): unknown {
  const key = keyOf(parserName, input, context);
  let outcome = outcomes.get(key);
  if (!outcome) {
    const result = parseOnce(parse, input, context);
    outcome = result.outcome;
    if (result.keep) {
      if (outcomes.size >= MAX_ENTRIES) outcomes.delete(outcomes.keys().next().value!);
      outcomes.set(key, outcome);
    }
    if (!outcome.ok) throw outcome.error;
    markUsed(context, outcome);
    return result.tree;
  }
  if (!outcome.ok) throw outcome.error;
  markUsed(context, outcome);
  return instantiate(outcome.tree, context.attrVals ?? {});
}

/** Parses with fresh bookkeeping of unused names and values, to learn which this expression uses. */
function parseOnce(parse: PegParser['parse'], input: string, context: ParseContext): { outcome: Outcome; tree?: unknown; keep: boolean } {
  const unusedAttrNames = allTrue(context.attrNames);
  const unusedAttrVals = allTrue(context.attrVals);
  let tree: unknown;
  try {
    tree = parse(input, { context: { ...context, unusedAttrNames, unusedAttrVals } });
  } catch (error) {
    return { outcome: { ok: false, error }, keep: true };
  }
  const usedNames = Object.keys(context.attrNames ?? {}).filter((name) => !(name in unusedAttrNames));
  const usedValues = Object.keys(context.attrVals ?? {}).filter((name) => !(name in unusedAttrVals));
  const slots = new Map<unknown, string>();
  for (const [name, value] of Object.entries(context.attrVals ?? {})) slots.set(value, name);
  const template = toTemplate(tree, slots);
  const outcome: Outcome = { ok: true, tree: template.tree, usedNames, usedValues };
  return { outcome, tree, keep: template.ok };
}

function markUsed(context: ParseContext, outcome: Extract<Outcome, { ok: true }>): void {
  if (context.unusedAttrNames) for (const name of outcome.usedNames) delete context.unusedAttrNames[name];
  if (context.unusedAttrVals) for (const name of outcome.usedValues) delete context.unusedAttrVals[name];
}

function keyOf(parserName: string, input: string, context: ParseContext): string {
  const values = context.attrVals ?? {};
  const valuePart =
    parserName === 'conditionParser' && VALUE_DEPENDENT.test(input)
      ? JSON.stringify(values)
      : Object.entries(values)
          .map(([name, value]) => `${name}:${typesOf(value)}`)
          .join(',');
  return [parserName, context.isKeyCondition ? 'key' : '', input, JSON.stringify(context.attrNames ?? null), valuePart].join('\u0000');
}

/** The members of an attribute value that are set: what the parsers' type checks look at. */
function typesOf(value: unknown): string {
  if (!value || typeof value !== 'object') return typeof value;
  return Object.entries(value)
    .filter(([, member]) => member != null)
    .map(([type]) => type)
    .join('+');
}

function allTrue(record: Record<string, unknown> | undefined): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const name of Object.keys(record ?? {})) out[name] = true;
  return out;
}

/** A copy of a parse tree with the request's values replaced by slots; not ok when it holds anything but plain data. */
function toTemplate(node: unknown, slots: Map<unknown, string>): { ok: boolean; tree: unknown } {
  let ok = true;
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const slot = slots.get(value);
    if (slot !== undefined) return new ValueSlot(slot);
    if (Array.isArray(value)) return value.map(copy);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      ok = false;
      return value;
    }
    const out = Object.create(proto) as Record<string, unknown>;
    for (const [name, member] of Object.entries(value)) out[name] = copy(member);
    return out;
  };
  const tree = copy(node);
  return { ok, tree };
}

function instantiate(node: unknown, values: Record<string, AttributeValue>): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (node instanceof ValueSlot) return values[node.name];
  if (Array.isArray(node)) return node.map((member) => instantiate(member, values));
  const out = Object.create(Object.getPrototypeOf(node)) as Record<string, unknown>;
  for (const [name, member] of Object.entries(node)) out[name] = instantiate(member, values);
  return out;
}
