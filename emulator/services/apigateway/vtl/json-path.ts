/**
 * The JSONPath subset mapping templates use (`$input.path`, `$input.json`), with Jayway's rules:
 * a definite path (names and single indexes only) yields one value or undefined; an indefinite
 * one (`*`, `..`, slices, unions) yields the list of every match.
 */

export class JsonPathError extends Error {}

type Step =
  | { kind: 'names'; names: string[] }
  | { kind: 'indexes'; indexes: number[] }
  | { kind: 'slice'; start?: number; end?: number }
  | { kind: 'wildcard' }
  | { kind: 'deep'; step: Step };

function parseBracket(body: string, path: string): Step {
  const trimmed = body.trim();
  if (trimmed === '*') return { kind: 'wildcard' };
  const slice = /^(-?\d*):(-?\d*)$/.exec(trimmed);
  if (slice) {
    return {
      kind: 'slice',
      ...(slice[1] ? { start: Number(slice[1]) } : {}),
      ...(slice[2] ? { end: Number(slice[2]) } : {}),
    };
  }
  const parts = trimmed.split(',').map((p) => p.trim());
  if (parts.every((p) => /^-?\d+$/.test(p))) return { kind: 'indexes', indexes: parts.map(Number) };
  const names = parts.map((p) => /^'(.*)'$/s.exec(p)?.[1] ?? /^"(.*)"$/s.exec(p)?.[1]);
  if (names.some((n) => n === undefined)) throw new JsonPathError(`Unsupported JSONPath: ${path}`);
  return { kind: 'names', names: names as string[] };
}

/** Splits `$.a['b'][0]..c[*]` into steps. A path without the leading `$` is read from the root, as Jayway does. */
export function parseJsonPath(path: string): Step[] {
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  else if (rest && !rest.startsWith('.') && !rest.startsWith('[')) rest = `.${rest}`;
  const steps: Step[] = [];
  while (rest.length) {
    let deep = false;
    if (rest.startsWith('..')) {
      deep = true;
      rest = rest.slice(2);
    } else if (rest.startsWith('.')) {
      rest = rest.slice(1);
    }
    let step: Step;
    if (rest.startsWith('[')) {
      let depth = 0;
      let quote: string | undefined;
      let end = -1;
      for (let i = 0; i < rest.length; i++) {
        const c = rest[i]!;
        if (quote) {
          if (c === quote) quote = undefined;
        } else if (c === "'" || c === '"') quote = c;
        else if (c === '[') depth++;
        else if (c === ']' && --depth === 0) {
          end = i;
          break;
        }
      }
      if (end < 0) throw new JsonPathError(`Unsupported JSONPath: ${path}`);
      step = parseBracket(rest.slice(1, end), path);
      rest = rest.slice(end + 1);
    } else {
      const name = /^[^.[]+/.exec(rest)?.[0];
      if (!name) throw new JsonPathError(`Unsupported JSONPath: ${path}`);
      step = name === '*' ? { kind: 'wildcard' } : { kind: 'names', names: [name] };
      rest = rest.slice(name.length);
    }
    steps.push(deep ? { kind: 'deep', step } : step);
  }
  return steps;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObject(value)) return Object.values(value);
  return [];
}

function apply(step: Step, value: unknown): unknown[] {
  switch (step.kind) {
    case 'names':
      return isObject(value) ? step.names.filter((n) => Object.hasOwn(value, n)).map((n) => value[n]) : [];
    case 'indexes':
      if (!Array.isArray(value)) return [];
      return step.indexes
        .map((i) => (i < 0 ? value.length + i : i))
        .filter((i) => i >= 0 && i < value.length)
        .map((i) => value[i]);
    case 'slice':
      return Array.isArray(value) ? value.slice(step.start, step.end) : [];
    case 'wildcard':
      return children(value);
    case 'deep': {
      const found: unknown[] = [];
      const visit = (node: unknown) => {
        found.push(...apply(step.step, node));
        for (const child of children(node)) visit(child);
      };
      visit(value);
      return found;
    }
  }
}

const isDefinite = (steps: Step[]) =>
  steps.every((s) => (s.kind === 'names' && s.names.length === 1) || (s.kind === 'indexes' && s.indexes.length === 1));

/** The value at a definite path (undefined when absent), or the list of matches of an indefinite one. */
export function selectJsonPath(document: unknown, path: string): unknown {
  const steps = parseJsonPath(path);
  let current: unknown[] = [document];
  for (const step of steps) current = current.flatMap((v) => apply(step, v));
  return isDefinite(steps) ? current[0] : current;
}
