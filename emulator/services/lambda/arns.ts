import { InvalidParameterValueException, ResourceNotFoundException, ValidationException, validationMessage } from './errors.js';

export function functionArn(region: string, account: string, name: string, qualifier?: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
}

/** A function named by name, `name:qualifier`, partial ARN (`account:function:name`) or full ARN. */
export interface FunctionRef {
  name: string;
  qualifier?: string;
  account?: string;
  region?: string;
}

const FUNCTION_REF =
  /^(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?(?:([a-z]{2}(?:(?:-gov)|(?:-iso(?:[a-z]?)))?-[a-z]+-\d{1}):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9-_.]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/;
const PATTERN_TEXT =
  '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?';
const QUALIFIER = /^[a-zA-Z0-9$_-]+$/;

export function parseFunctionRef(value: unknown, qualifier?: string): FunctionRef {
  if (typeof value !== 'string' || !value) {
    throw new ValidationException(validationMessage('functionName', value, 'Member must not be null'));
  }
  const m = value.length <= 170 ? FUNCTION_REF.exec(value) : null;
  if (!m) {
    const constraint =
      value.length > 170
        ? 'Member must have length less than or equal to 170'
        : `Member must satisfy regular expression pattern: ${PATTERN_TEXT}`;
    throw new ValidationException(validationMessage('functionName', value, constraint));
  }
  if (qualifier !== undefined && !QUALIFIER.test(qualifier)) {
    throw new ValidationException(
      validationMessage('qualifier', qualifier, 'Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)'),
    );
  }
  const derived = m[4];
  if (qualifier && derived && qualifier !== derived) {
    throw new InvalidParameterValueException('The derived qualifier from the function name does not match the specified qualifier.');
  }
  return {
    name: m[3]!,
    ...((qualifier ?? derived) ? { qualifier: qualifier ?? derived } : {}),
    ...(m[2] ? { account: m[2] } : {}),
    ...(m[1] ? { region: m[1] } : {}),
  };
}

/** The account and region a reference points into, checked against the caller's region as AWS does. */
export function scopeOf(ref: FunctionRef, account: string, region: string): { account: string; region: string } {
  if (ref.region && ref.region !== region) {
    throw new ResourceNotFoundException(`Functions from '${ref.region}' are not reachable in this region ('${region}')`);
  }
  return { account: ref.account ?? account, region };
}
