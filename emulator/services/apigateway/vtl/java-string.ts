/**
 * How a value prints in a Velocity template running on the JVM: maps as `{a=1, b=2}`, lists as
 * `[1, 2]`, null as nothing.
 */
export function javaString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  if (typeof value === 'object') {
    if (value.toString !== Object.prototype.toString) return String(value);
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${javaString(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}
