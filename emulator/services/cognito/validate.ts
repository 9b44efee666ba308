import { SerializationException } from '../../core/errors.js';
import { InvalidParameterException } from './errors.js';

/**
 * Collects model-constraint failures the way Cognito reports them:
 * "2 validation errors detected: Value null at 'poolName' failed to satisfy constraint: ...; ...".
 */
export class Constraints {
  private readonly failures: string[] = [];

  private fail(value: unknown, member: string, constraint: string, sensitive: boolean): void {
    const shown =
      value === undefined || value === null
        ? 'null '
        : sensitive
          ? ''
          : `'${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}' `;
    this.failures.push(`Value ${shown}at '${member}' failed to satisfy constraint: ${constraint}`);
  }

  /** A string member: type, presence, length and pattern. Returns whether it is usable. */
  string(
    value: unknown,
    member: string,
    options: { required?: boolean; min?: number; max?: number; pattern?: RegExp; patternText?: string; sensitive?: boolean } = {},
  ): value is string {
    const sensitive = options.sensitive ?? false;
    if (value === undefined || value === null) {
      if (options.required) this.fail(value, member, 'Member must not be null', sensitive);
      return false;
    }
    if (typeof value !== 'string') throw new SerializationException(`Value for ${member} must be a string.`);
    if (options.min !== undefined && value.length < options.min) {
      this.fail(value, member, `Member must have length greater than or equal to ${options.min}`, sensitive);
    }
    if (options.max !== undefined && value.length > options.max) {
      this.fail(value, member, `Member must have length less than or equal to ${options.max}`, sensitive);
    }
    if (options.pattern && value.length > 0 && !options.pattern.test(value)) {
      this.fail(
        value,
        member,
        `Member must satisfy regular expression pattern: ${options.patternText ?? options.pattern.source}`,
        sensitive,
      );
    }
    return true;
  }

  integer(value: unknown, member: string, options: { required?: boolean; min?: number; max?: number } = {}): value is number {
    if (value === undefined || value === null) {
      if (options.required) this.fail(value, member, 'Member must not be null', false);
      return false;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new SerializationException(`Value for ${member} must be an integer.`);
    if (options.min !== undefined && value < options.min) {
      this.fail(value, member, `Member must have value greater than or equal to ${options.min}`, false);
    }
    if (options.max !== undefined && value > options.max) {
      this.fail(value, member, `Member must have value less than or equal to ${options.max}`, false);
    }
    return true;
  }

  oneOf(value: unknown, member: string, allowed: readonly string[], options: { required?: boolean } = {}): boolean {
    if (value === undefined || value === null) {
      if (options.required) this.fail(value, member, 'Member must not be null', false);
      return false;
    }
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.fail(value, member, `Member must satisfy enum value set: [${allowed.join(', ')}]`, false);
      return false;
    }
    return true;
  }

  /** A list member whose every item is one of `allowed`. */
  listOf(value: unknown, member: string, allowed: readonly string[]): boolean {
    if (value === undefined || value === null) return false;
    if (!Array.isArray(value)) throw new SerializationException(`Value for ${member} must be a list.`);
    if (value.some((item) => typeof item !== 'string' || !allowed.includes(item))) {
      this.fail(value, member, `Member must satisfy constraint: [Member must satisfy enum value set: [${allowed.join(', ')}]]`, false);
      return false;
    }
    return true;
  }

  /** Throws InvalidParameterException listing every failure, if any. */
  check(): void {
    const n = this.failures.length;
    if (n === 0) return;
    throw new InvalidParameterException(`${n} validation error${n > 1 ? 's' : ''} detected: ${this.failures.join('; ')}`);
  }
}

export const POOL_ID = /[\w-]+_[0-9a-zA-Z]+/;
export const CLIENT_ID = /[\w+]+/;
export const USERNAME = /[\p{L}\p{M}\p{S}\p{N}\p{P}]+/u;
export const USERNAME_TEXT = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+';
export const NAME = /[\w\s+=,.@-]+/;

/** Whole-string versions of the model's patterns (the model's patterns match the whole value). */
export const whole = (pattern: RegExp) => new RegExp(`^(?:${pattern.source})$`, pattern.flags);

/** The common first check of every pool-scoped request. */
export function checkPoolId(checks: Constraints, value: unknown): value is string {
  return checks.string(value, 'userPoolId', { required: true, min: 1, max: 55, pattern: whole(POOL_ID), patternText: POOL_ID.source });
}

export function checkClientId(checks: Constraints, value: unknown): value is string {
  return checks.string(value, 'clientId', {
    required: true,
    min: 1,
    max: 128,
    pattern: whole(CLIENT_ID),
    patternText: CLIENT_ID.source,
    sensitive: true,
  });
}

export function checkUsername(checks: Constraints, value: unknown): value is string {
  return checks.string(value, 'username', {
    required: true,
    min: 1,
    max: 128,
    pattern: whole(USERNAME),
    patternText: USERNAME_TEXT,
    sensitive: true,
  });
}
