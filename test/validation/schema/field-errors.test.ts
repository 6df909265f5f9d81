import { Finding } from '../../../src/validation/findings';
import { fieldError, schemaErrorPath } from '../../../src/validation/schema/field-errors';
import { at } from '../../support/objects';

/** A field error as its assertions state it: the path printed, `blocking` when it is. */
const shown = (finding: Finding) =>
  ({ path: finding.path.toString(), message: finding.message, ...(finding.blocking ? { blocking: finding.blocking } : {}) });

describe('Kubernetes field error wording', () => {
  test('each error type', () => {
    expect(shown(fieldError.required(at('spec', 'hosts')))).toEqual({ path: 'spec.hosts', message: 'Required value', blocking: true });
    expect(fieldError.required(at('metadata', 'name'), 'name or generateName is required').message).toBe('Required value: name or generateName is required');
    expect(shown(fieldError.invalid(at('spec', 'x'), 'v', 'why'))).toEqual({ path: 'spec.x', message: 'Invalid value: "v": why' });
    expect(fieldError.invalidNoValue(at('spec', 'x'), 'why').message).toBe('Invalid value: why');
    expect(shown(fieldError.typeInvalid(at('spec', 'x'), 'string', 'spec.x in body must be of type integer: "string"')))
      .toEqual({ path: 'spec.x', message: 'Invalid value: "string": spec.x in body must be of type integer: "string"', blocking: true });
    expect(fieldError.notSupported(at('spec', 'x'), 'B', ['A', 'C']).message).toBe('Unsupported value: "B": supported values: "A", "C"');
    expect(fieldError.notSupported(at('spec', 'x'), 3, [1, 2]).message).toBe('Unsupported value: 3: supported values: 1, 2');
    expect(fieldError.tooLong(at('spec', 'x'), 5).message).toBe('Too long: may not be more than 5 bytes');
    expect(fieldError.tooMany(at('spec', 'x'), 3, 2).message).toBe('Too many: 3: must have at most 2 items');
    expect(fieldError.duplicate(at('spec', 'x').index(1), 'a').message).toBe('Duplicate value: "a"');
    expect(fieldError.unknownField(at('spec', 'hostz')).message).toBe('unknown field "spec.hostz"');
  });
});

describe('schemaErrorPath', () => {
  const path = at('spec', 'http').index(0).child('headers').key('x-user');

  test('schema errors and the decoder join map keys with a dot', () => {
    expect(schemaErrorPath(path).toString()).toBe('spec.http[0].headers.x-user');
  });

  test('CEL errors put map keys in brackets', () => {
    expect(path.toString()).toBe('spec.http[0].headers[x-user]');
  });

  test('a named root prefixes everything; an empty one does not', () => {
    expect(schemaErrorPath(at('metadata').child('labels')).toString()).toBe('metadata.labels');
    expect(schemaErrorPath(at('spec')).toString()).toBe('spec');
    expect(schemaErrorPath(at('spec').index(2)).toString()).toBe('spec[2]');
  });
});
