import { javaString } from './java-string.js';

const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, '0');

/**
 * Java's StringEscapeUtils.escapeJavaScript (commons-lang 2), which API Gateway uses: besides `"`,
 * `\` and control characters it escapes `'` as `\'` (not valid inside JSON strings, a known AWS
 * quirk), `/` as `\/`, and every non-ASCII character as `\uXXXX` (UTF-16 units, upper-case hex).
 */
export function escapeJavaScript(value: unknown): string {
  const text = javaString(value);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const c = text[i]!;
    if (code > 0x7f) out += `\\u${hex(code, 4)}`;
    else if (code < 32) {
      const named: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };
      out += named[code] ?? `\\u${hex(code, 4)}`;
    } else if (c === "'") out += "\\'";
    else if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '/') out += '\\/';
    else out += c;
  }
  return out;
}

/** Java's URLEncoder.encode(s, "UTF-8"): spaces as `+`, only `A-Za-z0-9.-*_` left as they are. */
export function urlEncode(value: unknown): string {
  return encodeURIComponent(javaString(value))
    .replace(/[!'()~]/g, (c) => `%${hex(c.charCodeAt(0), 2)}`)
    .replace(/%20/g, '+')
    .replace(/%2A/g, '*');
}

/** Java's URLDecoder.decode(s, "UTF-8"): `+` is a space; a malformed escape fails the template. */
export function urlDecode(value: unknown): string {
  try {
    return decodeURIComponent(javaString(value).replace(/\+/g, ' '));
  } catch {
    throw new Error(`URLDecoder: Illegal hex characters in escape (%) pattern: ${javaString(value)}`);
  }
}

export function base64Encode(value: unknown): string {
  return Buffer.from(javaString(value), 'utf8').toString('base64');
}

export function base64Decode(value: unknown): string {
  return Buffer.from(javaString(value), 'base64').toString('utf8');
}

/** `$util.parseJson`: a JSON string as an object the template can walk; invalid JSON fails the template. */
export function parseJson(value: unknown): unknown {
  return JSON.parse(javaString(value));
}

/** The `$util` variable of API Gateway mapping templates. */
export function utilVariable() {
  return { escapeJavaScript, parseJson, urlEncode, urlDecode, base64Encode, base64Decode };
}
