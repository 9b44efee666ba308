import { escapeXml } from '../../../protocols/xml.js';
import { elementName, type Member, type Shape } from './schema.js';

export const CLOUDFRONT_XMLNS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

function scalar(shape: Shape, value: unknown): string {
  if (shape.kind === 'timestamp') {
    const date = value instanceof Date ? value : new Date(value as string | number);
    return date.toISOString();
  }
  return escapeXml(String(value));
}

/** The children of a structure value, in the model's member order. */
function structureBody(shape: Extract<Shape, { kind: 'structure' }>, value: Record<string, unknown>): string {
  let out = '';
  for (const member of shape.members) {
    const v = value[member.name];
    if (v !== undefined && v !== null) out += element(member, v);
  }
  return out;
}

function element(member: Member, value: unknown): string {
  const name = elementName(member);
  const shape = member.shape();
  if (shape.kind === 'structure') return `<${name}>${structureBody(shape, value as Record<string, unknown>)}</${name}>`;
  if (shape.kind === 'list') {
    const items = value as unknown[];
    if (!items.length) return '';
    return `<${name}>${items.map((item) => element(shape.member, item)).join('')}</${name}>`;
  }
  if (shape.kind === 'map') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `<${name}>${entries.map(([k, v]) => `<entry><key>${escapeXml(k)}</key>${element(shape.value, v)}</entry>`).join('')}</${name}>`;
  }
  return `<${name}>${scalar(shape, value)}</${name}>`;
}

/** A whole response document whose root is the payload member. */
export function xmlDocument(member: Member, value: Record<string, unknown>): string {
  const shape = member.shape();
  const name = member.traits.xmlName ?? shape.name ?? member.name;
  if (shape.kind !== 'structure') throw new Error(`payload ${name} is not a structure`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${name} xmlns="${CLOUDFRONT_XMLNS}">${structureBody(shape, value)}</${name}>`;
}
