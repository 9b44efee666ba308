import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml } from '../../../protocols/xml.js';
import { malformedXml } from '../errors.js';

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Members serialised as a wrapper element holding one element per item. */
const WRAPPED_LISTS: Record<string, string> = { Buckets: 'Bucket', TagSet: 'Tag', RoutingRules: 'RoutingRule' };
/** Flattened members whose items carry another element name than the member. */
const FLATTENED_NAMES: Record<string, string> = {
  Errors: 'Error',
  Parts: 'Part',
  Uploads: 'Upload',
  CORSRules: 'CORSRule',
  AllowedHeaders: 'AllowedHeader',
  AllowedMethods: 'AllowedMethod',
  AllowedOrigins: 'AllowedOrigin',
  ExposeHeaders: 'ExposeHeader',
};

function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return escapeXml(String(value));
}

/** Serialises one member the way S3's model lays it out (flattened lists repeat the element). */
export function element(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    const item = WRAPPED_LISTS[name];
    if (item) return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
    const flatName = FLATTENED_NAMES[name] ?? name;
    return value.map((v) => element(flatName, v)).join('');
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    return `<${name}>${children(value as Record<string, unknown>)}</${name}>`;
  }
  return `<${name}>${scalar(value)}</${name}>`;
}

function children(value: Record<string, unknown>): string {
  return Object.entries(value)
    .map(([k, v]) => element(k, v))
    .join('');
}

/** A whole response document: the root element in S3's namespace holding the given members (or a text value). */
export function xmlDocument(root: string, value: Record<string, unknown> | string | undefined): string {
  const inner = value === undefined ? '' : typeof value === 'string' ? escapeXml(value) : children(value);
  return `${PROLOG}<${root} xmlns="${S3_XMLNS}">${inner}</${root}>`;
}

export function errorDocument(code: string, message: string, extra: Record<string, unknown>, requestId: string, hostId: string): string {
  const details = Object.entries(extra)
    .map(([k, v]) => element(k, v))
    .join('');
  return (
    `${PROLOG}<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>${details}` +
    `<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`
  );
}

const REPEATED_ELEMENTS = new Set([
  'Object',
  'Part',
  'Tag',
  'RoutingRule',
  'CORSRule',
  'AllowedHeader',
  'AllowedMethod',
  'AllowedOrigin',
  'ExposeHeader',
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => REPEATED_ELEMENTS.has(name),
});

/** Parses a request body and returns the content of its root element; MalformedXML when it is not `root`. */
export function parseXmlBody(text: string, root: string): Record<string, unknown> {
  if (!text.trim() || XMLValidator.validate(text) !== true) throw malformedXml();
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(text) as Record<string, unknown>;
  } catch {
    throw malformedXml(); // valid XML the parser still refuses, e.g. nested too deep
  }
  const content = parsed[root];
  if (content === undefined) throw malformedXml();
  return content && typeof content === 'object' ? (content as Record<string, unknown>) : {};
}

export function xmlBoolean(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw malformedXml();
}

/** An optional nested element: absent stays absent, an empty element becomes `{}`. */
export function xmlObject(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (value === '') return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformedXml();
  return value as Record<string, unknown>;
}

export function xmlString(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw malformedXml();
  return value;
}
