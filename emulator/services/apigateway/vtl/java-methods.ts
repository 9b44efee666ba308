import { javaString } from './java-string.js';

interface Call {
  property: string;
  context: any;
  params: any[];
}

interface MethodHandler {
  uid: string;
  match: (call: Call) => boolean;
  resolve: (call: Call) => any;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Java's `String.matches`, `replaceAll`, `split` take a regular expression matched in full or globally. */
const regex = (pattern: unknown, flags = '') => new RegExp(javaString(pattern), flags);

const STRING_METHODS: Record<string, (s: string, ...args: any[]) => unknown> = {
  length: (s) => s.length,
  isEmpty: (s) => s.length === 0,
  contains: (s, part) => s.includes(javaString(part)),
  equals: (s, other) => typeof other === 'string' && s === other,
  equalsIgnoreCase: (s, other) => typeof other === 'string' && s.toLowerCase() === other.toLowerCase(),
  matches: (s, pattern) => new RegExp(`^(?:${javaString(pattern)})$`).test(s),
  replaceAll: (s, pattern, replacement) => s.replace(regex(pattern, 'g'), javaString(replacement).replace(/\$(\d)/g, '$$$1')),
  replaceFirst: (s, pattern, replacement) => s.replace(regex(pattern), javaString(replacement)),
  replace: (s, target, replacement) => s.split(javaString(target)).join(javaString(replacement)),
  split: (s, pattern) => {
    const parts = s.split(regex(pattern));
    while (parts.length && parts.at(-1) === '') parts.pop(); // Java drops trailing empty strings
    return parts;
  },
  toString: (s: string) => s,
  hashCode: (s) => {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
    return h;
  },
};

const MAP_METHODS: Record<string, (m: Record<string, unknown>, ...args: any[]) => unknown> = {
  containsKey: (m, key) => Object.hasOwn(m, javaString(key)),
  containsValue: (m, value) => Object.values(m).includes(value),
  isEmpty: (m) => Object.keys(m).length === 0,
  values: (m) => Object.values(m),
};

const LIST_METHODS: Record<string, (l: unknown[], ...args: any[]) => unknown> = {
  isEmpty: (l) => l.length === 0,
  contains: (l, value) => l.includes(value),
  indexOf: (l, value) => l.indexOf(value),
};

/**
 * The Java methods templates call on strings, maps and lists (`$s.length()`, `$m.containsKey('x')`,
 * `$l.isEmpty()`) that JavaScript values lack or define differently; velocityjs brings keySet,
 * entrySet, size, get, put and remove itself.
 */
export const JAVA_METHODS: MethodHandler[] = [
  {
    uid: 'java: String',
    match: ({ property, context }) => typeof context === 'string' && Object.hasOwn(STRING_METHODS, property),
    resolve: ({ property, context, params }) => STRING_METHODS[property]!(context, ...params),
  },
  {
    uid: 'java: Map',
    match: ({ property, context }) => isMap(context) && Object.hasOwn(MAP_METHODS, property) && typeof context[property] !== 'function',
    resolve: ({ property, context, params }) => MAP_METHODS[property]!(context, ...params),
  },
  {
    uid: 'java: List',
    match: ({ property, context }) => Array.isArray(context) && Object.hasOwn(LIST_METHODS, property),
    resolve: ({ property, context, params }) => LIST_METHODS[property]!(context, ...params),
  },
  {
    uid: 'java: toString',
    match: ({ property, context }) => property === 'toString' && typeof context !== 'string',
    resolve: ({ context }) => javaString(context),
  },
];
