import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import { functionArn } from './arns.js';
import { functionNotFound, InvalidParameterValueException, ValidationException, validationMessage } from './errors.js';
import { ALIAS_NAME, ALIAS_NAME_PATTERN, VERSION_NUMBER } from './qualifiers.js';
import { type AliasRecord, type FunctionRecord, LATEST } from './state.js';
import { validateDescription } from './validation.js';

export interface FunctionPlace {
  account: string;
  region: string;
  name: string;
}

export const aliasArn = (place: FunctionPlace, alias: string) => functionArn(place.region, place.account, place.name, alias);

/** An alias as the Lambda API returns it. */
export function toAliasConfiguration(place: FunctionPlace, alias: AliasRecord): AliasConfiguration {
  return {
    AliasArn: aliasArn(place, alias.name),
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    ...(alias.additionalVersionWeights ? { RoutingConfig: { AdditionalVersionWeights: alias.additionalVersionWeights } } : {}),
    RevisionId: alias.revisionId,
  };
}

export function validateAliasName(name: unknown): string {
  if (typeof name !== 'string' || !name) throw new ValidationException(validationMessage('name', name, 'Member must not be null'));
  if (name.length > 128)
    throw new ValidationException(validationMessage('name', name, 'Member must have length less than or equal to 128'));
  if (!ALIAS_NAME.test(name)) {
    throw new ValidationException(validationMessage('name', name, `Member must satisfy regular expression pattern: ${ALIAS_NAME_PATTERN}`));
  }
  return name;
}

const FUNCTION_VERSION = /^(\$LATEST|[0-9]+)$/;

export function validateFunctionVersion(version: unknown): string {
  if (typeof version !== 'string' || !version) {
    throw new ValidationException(validationMessage('functionVersion', version, 'Member must not be null'));
  }
  if (version.length > 1024) {
    throw new ValidationException(validationMessage('functionVersion', version, 'Member must have length less than or equal to 1024'));
  }
  if (!FUNCTION_VERSION.test(version)) {
    throw new ValidationException(
      validationMessage('functionVersion', version, 'Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)'),
    );
  }
  return version;
}

export const validateAliasDescription = (value: unknown) => (value === undefined ? undefined : validateDescription(value));

/** The version an alias points to must exist. */
export function requireVersion(fn: FunctionRecord, place: FunctionPlace, version: string): void {
  if (!fn.versions[version]) throw functionNotFound(functionArn(place.region, place.account, place.name, version));
}

/**
 * RoutingConfig.AdditionalVersionWeights, checked as AWS does: one additional published version
 * besides the alias's own (which may not be $LATEST), with a weight from 0 up to (not including) 1.
 * An empty map means no routing.
 */
export function validateRouting(
  fn: FunctionRecord,
  place: FunctionPlace,
  functionVersion: string,
  weights: unknown,
): Record<string, number> | undefined {
  if (weights === undefined || weights === null) return undefined;
  if (typeof weights !== 'object' || Array.isArray(weights)) {
    throw new ValidationException(validationMessage('routingConfig.additionalVersionWeights', weights, 'Member must be a map'));
  }
  const entries = Object.entries(weights as Record<string, unknown>);
  if (!entries.length) return undefined;
  if (entries.length > 1) throw new InvalidParameterValueException('Number of items in AdditionalVersionWeights cannot be greater than 1');
  const [version, weight] = entries[0]!;
  const shown = `{${version}=${String(weight)}}`;
  if (typeof weight !== 'number' || !(weight >= 0 && weight < 1)) {
    throw new ValidationException(
      `1 validation error detected: Value '${shown}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]`,
    );
  }
  if (version === functionVersion) {
    throw new InvalidParameterValueException(
      `Invalid function version ${functionVersion}. Function version ${functionVersion} is already included in routing configuration.`,
    );
  }
  if (functionVersion === LATEST)
    throw new InvalidParameterValueException('$LATEST is not supported for an alias pointing to more than 1 version');
  if (!VERSION_NUMBER.test(version) || version.length > 1024) {
    throw new ValidationException(
      `1 validation error detected: Value '${shown}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+, Member must not be null]`,
    );
  }
  requireVersion(fn, place, version);
  return { [version]: weight };
}
