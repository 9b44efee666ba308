import { InvalidParameterException, invalidMember } from './errors.js';

const GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;
const STREAM_NAME = /^[^:*]*$/;

export function groupArn(region: string, account: string, group: string): string {
  return `arn:aws:logs:${region}:${account}:log-group:${group}`;
}

export function streamArn(region: string, account: string, group: string, stream: string): string {
  return `${groupArn(region, account, group)}:log-stream:${stream}`;
}

export function validateGroupName(name: unknown, member = 'logGroupName'): string {
  if (typeof name !== 'string') throw invalidMember(member, name, 'Member must not be null');
  if (name.length < 1 || name.length > 512) {
    throw invalidMember(
      member,
      name,
      `Member must have length ${name.length ? 'less than or equal to 512' : 'greater than or equal to 1'}`,
    );
  }
  if (!GROUP_NAME.test(name)) throw invalidMember(member, name, 'Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+');
  return name;
}

export function validateStreamName(name: unknown, member = 'logStreamName'): string {
  if (typeof name !== 'string') throw invalidMember(member, name, 'Member must not be null');
  if (name.length < 1 || name.length > 512) {
    throw invalidMember(
      member,
      name,
      `Member must have length ${name.length ? 'less than or equal to 512' : 'greater than or equal to 1'}`,
    );
  }
  if (!STREAM_NAME.test(name)) throw invalidMember(member, name, 'Member must satisfy regular expression pattern: [^:*]*');
  return name;
}

/** The group named by `logGroupName` or `logGroupIdentifier` (a name or an ARN, with or without the trailing `:*`). */
export function groupFromInput(input: { logGroupName?: string; logGroupIdentifier?: string }): string {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
    throw new InvalidParameterException('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  if (input.logGroupIdentifier !== undefined) {
    const m = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)(:\*)?$/.exec(input.logGroupIdentifier);
    return validateGroupName(m ? m[1] : input.logGroupIdentifier, 'logGroupIdentifier');
  }
  return validateGroupName(input.logGroupName);
}

export function validateLimit(limit: unknown, max: number): number {
  if (limit === undefined || limit === null) return max;
  if (typeof limit !== 'number' || !Number.isInteger(limit)) throw invalidMember('limit', limit, 'Member must be an integer');
  if (limit < 1) throw invalidMember('limit', limit, 'Member must have value greater than or equal to 1');
  if (limit > max) throw invalidMember('limit', limit, `Member must have value less than or equal to ${max}`);
  return limit;
}
