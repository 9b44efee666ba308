import { InvalidParameterException } from './errors.js';
import { attribute, type UserRecord } from './state.js';

/** The attributes ListUsers can filter on. */
const SEARCHABLE = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
]);

const FILTER = /^\s*([\w:]+)\s*(=|\^=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

/**
 * ListUsers' Filter: `name = "value"` (exact) or `name ^= "value"` (prefix); an empty filter
 * matches everyone. Throws Cognito's errors for filters it cannot parse.
 */
export function userFilter(filter: string | undefined): (user: UserRecord) => boolean {
  if (filter === undefined || filter.trim() === '') return () => true;
  const m = FILTER.exec(filter);
  if (!m) throw new InvalidParameterException('Error while parsing filter');
  const [, name, operator, raw] = m as unknown as [string, string, string, string];
  if (!SEARCHABLE.has(name)) throw new InvalidParameterException(`Invalid search attribute: ${name}`);
  const wanted = raw.replace(/\\(.)/g, '$1');
  const valueIn = (user: UserRecord): string | undefined => {
    if (name === 'username') return user.Username;
    if (name === 'cognito:user_status') return user.UserStatus;
    if (name === 'status') return user.Enabled ? 'Enabled' : 'Disabled';
    return attribute(user, name);
  };
  // Only username and status compare case-sensitively.
  const fold = name === 'username' || name === 'status' ? (v: string) => v : (v: string) => v.toLowerCase();
  const target = fold(wanted);
  return (user) => {
    const value = valueIn(user);
    if (value === undefined) return false;
    return operator === '=' ? fold(value) === target : fold(value).startsWith(target);
  };
}
