const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A time claim as API Gateway shows it: Java's Date#toString in UTC, "Sun Dec 17 07:28:12 UTC 2017". */
export function javaDateString(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`;
}

/**
 * A token's claims as API Gateway's Cognito authorizer hands them to `$context.authorizer.claims`:
 * every value a string, `exp` and `iat` as dates ("Sun Dec 17 07:28:12 UTC 2017"), `auth_time`
 * as its number ("1513492092"), booleans as "true"/"false".
 */
export function authorizerClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if ((name === 'exp' || name === 'iat') && typeof value === 'number') out[name] = javaDateString(value);
    else if (Array.isArray(value)) out[name] = value.join(',');
    else if (typeof value === 'object' && value !== null) out[name] = JSON.stringify(value);
    else out[name] = String(value);
  }
  return out;
}
