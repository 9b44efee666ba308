import type { AttributeType, SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterException, NotAuthorizedException } from './errors.js';
import type { ClientRecord, PoolRecord } from './state.js';

type Schema = SchemaAttributeType;

const text = (min: string, max: string) =>
  ({ AttributeDataType: 'String', StringAttributeConstraints: { MinLength: min, MaxLength: max } }) as const;
const bool = { AttributeDataType: 'Boolean' } as const;

/** Cognito's standard attributes, in the order DescribeUserPool lists them. */
const STANDARD: Array<[string, Partial<Schema>]> = [
  ['profile', text('0', '2048')],
  ['address', text('0', '2048')],
  ['birthdate', text('10', '10')],
  ['gender', text('0', '2048')],
  ['preferred_username', text('0', '2048')],
  ['updated_at', { AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '0' } }],
  ['website', text('0', '2048')],
  ['picture', text('0', '2048')],
  ['identities', { AttributeDataType: 'String', StringAttributeConstraints: {} }],
  ['sub', { ...text('1', '2048'), Mutable: false, Required: true }],
  ['phone_number', text('0', '2048')],
  ['phone_number_verified', bool],
  ['zoneinfo', text('0', '2048')],
  ['locale', text('0', '2048')],
  ['email', text('0', '2048')],
  ['email_verified', bool],
  ['given_name', text('0', '2048')],
  ['family_name', text('0', '2048')],
  ['middle_name', text('0', '2048')],
  ['name', text('0', '2048')],
  ['nickname', text('0', '2048')],
];
const STANDARD_NAMES = new Set(STANDARD.map(([name]) => name));
const DATA_TYPES = ['Boolean', 'Number', 'String', 'DateTime'];

function standardDefault(name: string, spec: Partial<Schema>): Schema {
  return { Name: name, AttributeDataType: spec.AttributeDataType, DeveloperOnlyAttribute: false, Mutable: true, Required: false, ...spec };
}

function checkConstraints(name: string, attr: Schema): void {
  const limit = (value: string | undefined, kind: string): number | undefined => {
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 0) throw new InvalidParameterException(`Invalid ${kind} for schema attribute ${name}`);
    return n;
  };
  if (attr.AttributeDataType === 'String' && attr.StringAttributeConstraints) {
    const min = limit(attr.StringAttributeConstraints.MinLength, 'StringAttributeConstraints');
    const max = limit(attr.StringAttributeConstraints.MaxLength, 'StringAttributeConstraints');
    if ((min ?? 0) > 2048 || (max ?? 0) > 2048) {
      throw new InvalidParameterException(`user.${name}: String attributes cannot have a length of more than 2048`);
    }
    if (min !== undefined && max !== undefined && min > max) {
      throw new InvalidParameterException(`user.${name}: Max length cannot be less than min length.`);
    }
  }
  if (attr.AttributeDataType === 'Number' && attr.NumberAttributeConstraints) {
    const min = limit(attr.NumberAttributeConstraints.MinValue, 'NumberAttributeConstraints');
    const max = limit(attr.NumberAttributeConstraints.MaxValue, 'NumberAttributeConstraints');
    if (min !== undefined && max !== undefined && min > max) {
      throw new InvalidParameterException(`user.${name}: Max value cannot be less than min value.`);
    }
  }
}

/** The pool's SchemaAttributes from CreateUserPool's `Schema`: the standard set, adjusted, then custom ones. */
export function buildSchema(input: Schema[] | undefined): Schema[] {
  const standard = new Map(STANDARD.map(([name, spec]) => [name, standardDefault(name, spec)]));
  const custom: Schema[] = [];
  for (const attr of input ?? []) {
    if (!attr || typeof attr.Name !== 'string') {
      throw new InvalidParameterException(
        "1 validation error detected: Value null at 'schema.member.name' failed to satisfy constraint: Member must not be null",
      );
    }
    if (attr.AttributeDataType !== undefined && !DATA_TYPES.includes(attr.AttributeDataType)) {
      throw new InvalidParameterException(
        `Validation error detected: Value '${attr.AttributeDataType}' failed to satisfy constraint: Member must satisfy enum value set: [Boolean, Number, String, DateTime]`,
      );
    }
    const base = standard.get(attr.Name);
    if (base) {
      if ((attr.AttributeDataType && attr.AttributeDataType !== base.AttributeDataType) || attr.DeveloperOnlyAttribute) {
        throw new InvalidParameterException(
          `You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute ${attr.Name}`,
        );
      }
      const merged: Schema = {
        ...base,
        Mutable: attr.Mutable ?? base.Mutable,
        Required: attr.Required ?? base.Required,
        ...(attr.StringAttributeConstraints && base.AttributeDataType === 'String'
          ? { StringAttributeConstraints: attr.StringAttributeConstraints }
          : {}),
        ...(attr.NumberAttributeConstraints && base.AttributeDataType === 'Number'
          ? { NumberAttributeConstraints: attr.NumberAttributeConstraints }
          : {}),
      };
      checkConstraints(attr.Name, merged);
      standard.set(attr.Name, merged);
      continue;
    }
    if (!attr.AttributeDataType) {
      throw new InvalidParameterException('Invalid AttributeDataType input, consider using the provided AttributeDataType enum.');
    }
    if (attr.Required) throw new InvalidParameterException('Required custom attributes are not supported currently.');
    const name = `${attr.DeveloperOnlyAttribute ? 'dev:' : ''}custom:${attr.Name}`;
    const created: Schema = {
      Name: name,
      AttributeDataType: attr.AttributeDataType,
      DeveloperOnlyAttribute: attr.DeveloperOnlyAttribute ?? false,
      Mutable: attr.Mutable ?? true,
      Required: false,
      ...(attr.AttributeDataType === 'String' && attr.StringAttributeConstraints
        ? { StringAttributeConstraints: attr.StringAttributeConstraints }
        : {}),
      ...(attr.AttributeDataType === 'Number' && attr.NumberAttributeConstraints
        ? { NumberAttributeConstraints: attr.NumberAttributeConstraints }
        : {}),
    };
    checkConstraints(name, created);
    custom.push(created);
  }
  return [...standard.values(), ...custom];
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^\+[0-9]{4,15}$/;
const schemaError = (detail: string) => new InvalidParameterException(`Attributes did not conform to the schema: ${detail}`);

/**
 * Checks the attributes a user signs up with against the pool's schema and the client's write
 * permissions; throws the error Cognito gives.
 */
export function checkSignUpAttributes(
  pool: PoolRecord,
  client: ClientRecord,
  attributes: AttributeType[],
  options: { requireAll: boolean } = { requireAll: true },
): void {
  const schema = new Map((pool.SchemaAttributes ?? []).map((s) => [s.Name!, s]));
  const seen = new Set<string>();
  for (const attr of attributes) {
    if (!attr || typeof attr.Name !== 'string' || typeof (attr.Value ?? '') !== 'string') {
      throw new InvalidParameterException(
        "1 validation error detected: Value null at 'userAttributes.member.name' failed to satisfy constraint: Member must not be null",
      );
    }
    const spec = schema.get(attr.Name);
    if (!spec || spec.DeveloperOnlyAttribute) {
      throw schemaError(
        attr.Name.startsWith('custom:')
          ? `Type for attribute {${attr.Name}} could not be determined`
          : `${attr.Name}: Attribute does not exist in the schema.`,
      );
    }
    if (attr.Name === 'sub' || (client.WriteAttributes && !client.WriteAttributes.includes(attr.Name))) {
      throw new NotAuthorizedException('A client attempted to write unauthorized attribute');
    }
    const max = Number(spec.StringAttributeConstraints?.MaxLength ?? 2048);
    if ((attr.Value ?? '').length > max) throw schemaError(`${attr.Name}: String must be no longer than ${max} characters`);
    seen.add(attr.Name);
  }
  const missing = [...schema.values()].filter((s) => s.Required && s.Name !== 'sub' && !seen.has(s.Name!));
  if (options.requireAll && missing.length > 0) throw schemaError(missing.map((s) => `${s.Name}: The attribute is required`).join('\n'));
  const email = attributes.find((a) => a.Name === 'email')?.Value;
  if (email !== undefined && !EMAIL.test(email)) throw new InvalidParameterException('Invalid email address format.');
  const phone = attributes.find((a) => a.Name === 'phone_number')?.Value;
  if (phone !== undefined && !PHONE.test(phone)) throw new InvalidParameterException('Invalid phone number format.');
}

export const isEmail = (value: string) => EMAIL.test(value);
export const isPhoneNumber = (value: string) => PHONE.test(value);
export const isStandardAttribute = (name: string) => STANDARD_NAMES.has(name);

/** How Cognito shows where a code went: "a***@e***" or "+*******1234". */
export function maskDestination(value: string, medium: 'EMAIL' | 'SMS'): string {
  if (medium === 'SMS') return `+${'*'.repeat(Math.max(value.length - 5, 0))}${value.slice(-4)}`;
  const [local = '', domain = ''] = value.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}
