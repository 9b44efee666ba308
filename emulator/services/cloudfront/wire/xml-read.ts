import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { elementName, type Member, type Shape } from './schema.js';

/** Thrown for a body that is not XML or does not fit the model. */
export class XmlShapeError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: () => true,
});

type Node = Record<string, unknown[]> | string;

function text(node: unknown, path: string): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && Object.keys(node).length === 0) return '';
  if (node && typeof node === 'object' && '#text' in node) return String((node as Record<string, unknown[]>)['#text']?.[0] ?? '');
  throw new XmlShapeError(`${path} must be a value, not a structure`);
}

function read(shape: Shape, node: unknown, path: string): unknown {
  switch (shape.kind) {
    case 'structure': {
      if (node === '') return {};
      if (!node || typeof node !== 'object') throw new XmlShapeError(`${path} must be a structure`);
      const out: Record<string, unknown> = {};
      for (const member of shape.members) {
        const values = (node as Record<string, unknown[]>)[elementName(member)];
        if (values === undefined) continue;
        if (values.length > 1) throw new XmlShapeError(`${path}.${member.name} appears more than once`);
        out[member.name] = read(member.shape(), values[0], `${path}.${member.name}`);
      }
      return out;
    }
    case 'list': {
      if (node === '') return [];
      if (!node || typeof node !== 'object') throw new XmlShapeError(`${path} must be a list`);
      const items = (node as Record<string, unknown[]>)[elementName(shape.member)] ?? [];
      return items.map((item, i) => read(shape.member.shape(), item, `${path}[${i}]`));
    }
    case 'number': {
      const value = text(node, path);
      const n = Number(value);
      if (value === '' || !Number.isFinite(n)) throw new XmlShapeError(`${path} must be a number, not "${value}"`);
      return n;
    }
    case 'boolean': {
      const value = text(node, path);
      if (value !== 'true' && value !== 'false') throw new XmlShapeError(`${path} must be true or false, not "${value}"`);
      return value === 'true';
    }
    case 'timestamp':
      return new Date(text(node, path));
    case 'map':
      throw new XmlShapeError(`${path}: maps are not read`);
    default:
      return text(node, path);
  }
}

/** Parses a request body whose root element is the payload member. */
export function readXmlPayload(member: Member, body: string): unknown {
  if (/<!DOCTYPE/i.test(body)) throw new XmlShapeError('The request body must not declare a DOCTYPE');
  let parsed: Record<string, unknown[]>;
  try {
    if (!body.trim() || XMLValidator.validate(body) !== true) throw new Error('not well-formed');
    parsed = parser.parse(body) as Record<string, unknown[]>;
  } catch {
    // The parser's own limits (nesting depth, entities) land here too.
    throw new XmlShapeError('The request body is not well-formed XML');
  }
  const shape = member.shape();
  const root = member.traits.xmlName ?? shape.name ?? member.name;
  const content = parsed[root];
  if (!content) throw new XmlShapeError(`The root element must be ${root}`);
  return read(shape, content[0] as Node, root);
}
