/**
 * Reads the static schemas the AWS SDK ships for CloudFront (`DistributionConfig$`,
 * `CreateDistribution$`...), so the XML codec uses the model's own member names, list element
 * names, types and HTTP bindings instead of copies of them. Static schema layout (smithy):
 * simple `[0, ns, name, traits, ref]`, list `[1, ns, name, traits, member]`, map
 * `[2, ns, name, traits, key, value]`, structure `[3, ns, name, traits, names, refs, required]`,
 * error `[-3, ...]`, operation `[9, ns, name, traits, input, output]`; a member is a reference, or
 * `[reference, traits]`; a reference is a number (a simple type), a schema, or a thunk of one.
 */

export interface Traits {
  httpLabel?: 1;
  httpPayload?: 1;
  httpHeader?: string;
  httpQuery?: string;
  xmlName?: string;
  http?: [string, string, number];
  httpError?: number;
  error?: string;
}

export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document'; name?: string; traits: Traits }
  | { kind: 'list'; name?: string; traits: Traits; member: Member }
  | { kind: 'map'; name?: string; traits: Traits; value: Member }
  | { kind: 'structure'; name: string; traits: Traits; members: Member[] };

export interface Member {
  name: string;
  /** Member traits merged over the target's. */
  traits: Traits;
  shape: () => Shape;
}

export interface OperationSchema {
  name: string;
  method: string;
  uri: string;
  status: number;
  input: Shape;
  output: Shape | undefined;
}

const BIT_TRAITS = ['httpLabel', 'idempotent', 'idempotencyToken', 'sensitive', 'httpPayload', 'httpResponseCode', 'httpQueryParams'];

function traitsOf(indicator: unknown): Traits {
  if (indicator && typeof indicator === 'object') return indicator as Traits;
  const bits = Number(indicator) | 0;
  const traits: Record<string, unknown> = {};
  BIT_TRAITS.forEach((name, i) => {
    if ((bits >> i) & 1) traits[name] = 1;
  });
  return traits as Traits;
}

type SimpleKind = 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document';

function simpleKind(code: number): SimpleKind {
  if (code & 0b0100_0000 || code & 0b1000_0000) throw new Error(`unexpected collection code ${code}`);
  if (code === 0) return 'string';
  if (code === 2) return 'boolean';
  if (code === 1 || code === 17 || code === 19) return 'number';
  if (code >= 4 && code <= 7) return 'timestamp';
  if (code === 21 || code === 42) return 'blob';
  return 'document';
}

const cache = new WeakMap<object, Shape>();

/** The shape a schema reference stands for. */
export function shapeOf(ref: unknown, extraTraits: Traits = {}): Shape {
  const resolved = typeof ref === 'function' ? (ref as () => unknown)() : ref;
  if (typeof resolved === 'number') {
    if (resolved & 0b0100_0000) {
      const member = resolved & 0b0011_1111;
      return { kind: 'list', traits: extraTraits, member: { name: 'member', traits: {}, shape: () => shapeOf(member) } };
    }
    if (resolved & 0b1000_0000) {
      const value = resolved & 0b0011_1111;
      return { kind: 'map', traits: extraTraits, value: { name: 'value', traits: {}, shape: () => shapeOf(value) } };
    }
    return { kind: simpleKind(resolved), traits: extraTraits };
  }
  if (!Array.isArray(resolved)) throw new Error('not a schema');
  if (!Object.keys(extraTraits).length && cache.has(resolved)) return cache.get(resolved)!;
  const [id, , name, traitIndicator] = resolved as [number, string, string, unknown];
  const traits = { ...traitsOf(traitIndicator), ...extraTraits };
  let shape: Shape;
  if (id === 0) {
    shape = { ...shapeOf(resolved[4]), name, traits };
  } else if (id === 1) {
    shape = { kind: 'list', name, traits, member: memberOf('member', resolved[4]) };
  } else if (id === 2) {
    shape = { kind: 'map', name, traits, value: memberOf('value', resolved[5]) };
  } else if (id === 3 || id === -3 || id === 4) {
    const names = resolved[4] as string[];
    const refs = resolved[5] as unknown[];
    shape = { kind: 'structure', name, traits, members: names.map((n, i) => memberOf(n, refs[i])) };
  } else {
    throw new Error(`unsupported schema id ${id}`);
  }
  if (!Object.keys(extraTraits).length) cache.set(resolved, shape);
  return shape;
}

function memberOf(name: string, ref: unknown): Member {
  const isTuple = Array.isArray(ref) && ref.length === 2 && (typeof ref[0] === 'function' || typeof ref[0] === 'number');
  const target = isTuple ? (ref as unknown[])[0] : ref;
  const traits = isTuple ? traitsOf((ref as unknown[])[1]) : {};
  return { name, traits, shape: () => shapeOf(target) };
}

/** The element name of a member: its xmlName trait, else the member's name. */
export function elementName(member: Member): string {
  return member.traits.xmlName ?? member.name;
}

export function operationOf(schema: unknown): OperationSchema {
  const [id, , name, traits, input, output] = schema as [number, string, string, Traits, unknown, unknown];
  if (id !== 9 || !traits.http) throw new Error('not an operation schema');
  const outputTarget = typeof output === 'function' ? (output as () => unknown)() : output;
  const hasOutput = Array.isArray(outputTarget) && outputTarget[0] === 3 && (outputTarget[4] as string[]).length > 0;
  return {
    name,
    method: traits.http[0],
    uri: traits.http[1],
    status: traits.http[2],
    input: shapeOf(input),
    output: hasOutput ? shapeOf(output) : undefined,
  };
}
