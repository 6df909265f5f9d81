import { FieldIssue } from '../../../src/validation/schema/field-errors';
import { validateMetadata } from '../../../src/validation/schema/metadata';

function check(metadata: unknown): string[] {
  const issues: FieldIssue[] = [];
  validateMetadata(metadata, issues);
  return issues.map(issue => `${issue.path}: ${issue.message}`);
}

describe('object metadata', () => {
  test('a name, a namespace, labels and annotations', () => {
    expect(check({ name: 'reviews.v2', namespace: 'bookinfo', labels: { app: 'reviews' }, annotations: { note: 'x' } })).toEqual([]);
  });

  test('generateName stands in for name', () => {
    expect(check({ generateName: 'reviews-' })).toEqual([]);
  });

  test.each([undefined, null, {}, { name: '' }])('no name: %p', metadata => {
    expect(check(metadata)).toEqual(['metadata.name: Required value: name or generateName is required']);
  });

  test('a name must be a DNS-1123 subdomain', () => {
    expect(check({ name: 'Reviews_V2' })).toEqual([
      'metadata.name: Invalid value: "Reviews_V2": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric '
      + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
      + "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  test('a name is at most 253 characters', () => {
    expect(check({ name: 'a'.repeat(254) })).toEqual([`metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`]);
  });

  test('a namespace must be a DNS-1123 label of at most 63 characters', () => {
    expect(check({ name: 'x', namespace: 'book.info' })).toEqual([
      'metadata.namespace: Invalid value: "book.info": a lowercase RFC 1123 label must consist of lower case alphanumeric '
      + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex "
      + "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(check({ name: 'x', namespace: 'a'.repeat(64) })).toEqual([`metadata.namespace: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`]);
  });

  test('wrong types', () => {
    expect(check('reviews')).toEqual(['metadata: Invalid value: "reviews": metadata in body must be of type object']);
    expect(check({ name: 5 })).toEqual(['metadata.name: Invalid value: 5: metadata.name in body must be of type string']);
    expect(check({ name: 'x', namespace: 5 })).toEqual(['metadata.namespace: Invalid value: 5: metadata.namespace in body must be of type string']);
    expect(check({ name: 'x', labels: ['a'] })).toEqual(['metadata.labels: Invalid value: []interface {}{"a"}: metadata.labels in body must be of type object: "array"']);
    expect(check({ name: 'x', annotations: { replicas: 3 } }))
      .toEqual(['metadata.annotations.replicas: Invalid value: 3: metadata.annotations.replicas in body must be of type string: "number"']);
  });
});
