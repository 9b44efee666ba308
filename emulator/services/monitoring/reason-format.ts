/** Numbers as CloudWatch prints them in reasons (Java doubles: 5 → "5.0"). */
export function javaDouble(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `dd/MM/yy HH:mm:ss`, the datapoint dates inside a state reason. */
export function reasonDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2014-04-09T18:59:06.419+0000`, the dates inside StateReasonData. */
export function reasonDataDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}
