/**
 * JSON as API Gateway's exports print it (Jackson's default pretty printer): `"key" : value`,
 * two-space indents, arrays on one line (`[ "https" ]`, objects in them opening on the same line),
 * empty containers as `{ }` and `[ ]`.
 */
export function jacksonJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (!value.length) return '[ ]';
    return `[ ${value.map((item) => jacksonJson(item, indent)).join(', ')} ]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!entries.length) return '{ }';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)} : ${jacksonJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value ?? null);
}
