import { fieldError } from '../../../src/validation/schema/field-errors';

describe('Kubernetes field error wording', () => {
  test('each error type', () => {
    expect(fieldError.required('spec.hosts')).toEqual({ path: 'spec.hosts', message: 'Required value', blocking: true });
    expect(fieldError.required('metadata.name', 'name or generateName is required').message).toBe('Required value: name or generateName is required');
    expect(fieldError.invalid('spec.x', 'v', 'why')).toEqual({ path: 'spec.x', message: 'Invalid value: "v": why' });
    expect(fieldError.invalidNoValue('spec.x', 'why').message).toBe('Invalid value: why');
    expect(fieldError.typeInvalid('spec.x', 'string', 'spec.x in body must be of type integer: "string"'))
      .toEqual({ path: 'spec.x', message: 'Invalid value: "string": spec.x in body must be of type integer: "string"', blocking: true });
    expect(fieldError.notSupported('spec.x', 'B', ['A', 'C']).message).toBe('Unsupported value: "B": supported values: "A", "C"');
    expect(fieldError.notSupported('spec.x', 3, [1, 2]).message).toBe('Unsupported value: 3: supported values: 1, 2');
    expect(fieldError.tooLong('spec.x', 5).message).toBe('Too long: may not be more than 5 bytes');
    expect(fieldError.tooMany('spec.x', 3, 2).message).toBe('Too many: 3: must have at most 2 items');
    expect(fieldError.duplicate('spec.x[1]', 'a').message).toBe('Duplicate value: "a"');
    expect(fieldError.unknownField('spec.hostz').message).toBe('unknown field "spec.hostz"');
  });
});
