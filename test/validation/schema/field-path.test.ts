import { FieldPath } from '../../../src/validation/schema/field-path';

describe('FieldPath', () => {
  const path = FieldPath.root('').property('spec').property('http').index(0).property('headers').mapKey('x-user');

  test('schema errors and the decoder join map keys with a dot', () => {
    expect(path.schema()).toBe('spec.http[0].headers.x-user');
  });

  test('CEL errors put map keys in brackets', () => {
    expect(path.cel()).toBe('spec.http[0].headers[x-user]');
  });

  test('a named root prefixes everything; an empty one does not', () => {
    expect(FieldPath.root('metadata').property('labels').schema()).toBe('metadata.labels');
    expect(FieldPath.root('').property('spec').schema()).toBe('spec');
    expect(FieldPath.root('spec').index(2).schema()).toBe('spec[2]');
  });
});
