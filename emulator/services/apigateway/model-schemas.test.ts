import { describe, expect, it } from 'vitest';
import { checkModelSchema, modelUrl, modelValidator } from './model-schemas.js';

const model = (name: string, schema: unknown) => ({ name, contentType: 'application/json', schema: JSON.stringify(schema) });

describe('model schemas', () => {
  it('validates draft-04 with the formats it defines', () => {
    const models = {
      Profile: model('Profile', {
        $schema: 'http://json-schema.org/draft-04/schema#',
        type: 'object',
        required: ['email'],
        properties: { email: { type: 'string', format: 'email' }, age: { type: 'number', minimum: 0, exclusiveMinimum: true } },
      }),
    };
    const validate = modelValidator('api1', models, 'Profile')!;
    expect(validate({ email: 'a@example.com', age: 3 })).toBe(true);
    expect(validate({ email: 'not an email' })).toBe(false);
    expect(validate({ email: 'a@example.com', age: 0 })).toBe(false);
    expect(validate({})).toBe(false);
  });

  it('resolves $ref to other models of the API, transitively', () => {
    const models = {
      Name: model('Name', { type: 'string', minLength: 1 }),
      Names: model('Names', { type: 'array', items: { $ref: modelUrl('api1', 'Name') } }),
      Group: model('Group', { type: 'object', properties: { members: { $ref: modelUrl('api1', 'Names') } } }),
    };
    const validate = modelValidator('api1', models, 'Group')!;
    expect(validate({ members: ['ann'] })).toBe(true);
    expect(validate({ members: [''] })).toBe(false);
    expect(modelValidator('api1', models, 'Missing')).toBeUndefined();
  });

  it('refuses schemas that are not JSON objects or use keywords outside draft-04', () => {
    expect(() => checkModelSchema('{"type": "string"}')).not.toThrow();
    expect(() => checkModelSchema('{"type": "object", "properties": {"example": {"type": "string"}}}')).not.toThrow();
    expect(() => checkModelSchema('nope')).toThrow(/Invalid model schema specified\]$/);
    expect(() => checkModelSchema('[]')).toThrow(/Invalid model schema specified/);
    expect(() => checkModelSchema('{"type": "array", "items": {"type": "string", "examples": ["a"]}}')).toThrow(
      'Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified. Unsupported keyword(s): ["examples"]]',
    );
  });
});
