import { parseFunctionRef, scopeOf } from './arns.js';
import { InvalidParameterValueException, ValidationException, validationMessage } from './errors.js';
import type { FunctionRunner } from './function-runner.js';
import type { FunctionRecord, FunctionStore } from './state.js';

const TAGGABLE_FUNCTION =
  /^arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1}:\d{12}:function:[a-zA-Z0-9-_]+(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;
const TAGGABLE_PATTERN =
  'arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?';

export const MAX_TAGS = 50;

/** The function a tagging operation names by ARN; versions and aliases carry no tags of their own. */
export function taggedFunction(
  runner: FunctionRunner,
  account: string,
  region: string,
  resource: unknown,
): { functions: FunctionStore; fn: FunctionRecord } {
  if (typeof resource !== 'string' || !TAGGABLE_FUNCTION.test(resource)) {
    throw new ValidationException(
      validationMessage('resource', resource, `Member must satisfy regular expression pattern: ${TAGGABLE_PATTERN}`),
    );
  }
  if (parseFunctionRef(resource).qualifier) {
    throw new InvalidParameterValueException(
      'Tagging operations are permitted on Lambda functions only. Tags on aliases and versions are not supported. Please specify either a function name or a function ARN.',
    );
  }
  scopeOf(parseFunctionRef(resource), account, region);
  return runner.find(account, region, resource);
}

/** Tag keys and values within AWS's lengths. */
export function validateTags(tags: Record<string, unknown>): Record<string, string> {
  for (const [key, value] of Object.entries(tags)) {
    if (!key || key.length > 128) {
      throw new ValidationException(
        `1 validation error detected: Value at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]`,
      );
    }
    if (typeof value !== 'string' || value.length > 256) {
      throw new ValidationException(
        `1 validation error detected: Value at 'tags' failed to satisfy constraint: Map values must satisfy constraint: [Member must have length less than or equal to 256, Member must not be null]`,
      );
    }
  }
  return tags as Record<string, string>;
}
