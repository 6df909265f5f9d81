import { Findings } from '../../../src/validation/findings';
import { validateMetadata } from '../../../src/validation/schema/metadata';
import { at, reportLines } from '../../support/objects';

function check(metadata: unknown): string[] {
  const findings = new Findings();
  validateMetadata(at('metadata'), findings, metadata);
  return reportLines(findings.list);
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
    expect(check({ name: 'x', namespace: 'book.info' })).toEqual(['metadata.namespace: Invalid value: "book.info": must not contain dots']);
    expect(check({ name: 'x', namespace: 'Book_info' })).toEqual([
      'metadata.namespace: Invalid value: "Book_info": a lowercase RFC 1123 label must consist of lower case alphanumeric '
      + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex "
      + "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(check({ name: 'x', namespace: 'a'.repeat(64) })).toEqual([`metadata.namespace: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`]);
  });

  test('wrong types', () => {
    expect(check('reviews')).toEqual(['metadata: Invalid value: "string": metadata in body must be of type object: "string"']);
    expect(check({ name: 5 })).toEqual(['metadata.name: Invalid value: "number": metadata.name in body must be of type string: "number"']);
    expect(check({ name: 'x', namespace: 5 })).toEqual(['metadata.namespace: Invalid value: "number": metadata.namespace in body must be of type string: "number"']);
    expect(check({ name: 'x', labels: ['a'] })).toEqual(['metadata.labels: Invalid value: "array": metadata.labels in body must be of type object: "array"']);
    expect(check({ name: 'x', annotations: { replicas: 3 } }))
      .toEqual(['metadata.annotations.replicas: Invalid value: "number": metadata.annotations.replicas in body must be of type string: "number"']);
  });

  test('label keys are qualified names, values valid label values, both reported on metadata.labels', () => {
    expect(check({ name: 'x', labels: { 'app.kubernetes.io/name': 'reviews', 'version': '' } })).toEqual([]);
    expect(check({ name: 'x', labels: { 'bad key!': 'v1!' } })).toEqual([
      'metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must '
      + "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
      + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'metadata.labels: Invalid value: "v1!": a valid label must be an empty string or consist of alphanumeric characters, \'-\', '
      + "'_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex "
      + "used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
    expect(check({ name: 'x', labels: { '/app': 'x', 'a/b/c': 'x', [`${'a'.repeat(64)}`]: 'x' } })).toEqual([
      'metadata.labels: Invalid value: "/app": prefix part must be non-empty',
      expect.stringMatching(/^metadata\.labels: Invalid value: "a\/b\/c": a qualified name must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/),
      `metadata.labels: Invalid value: "${'a'.repeat(64)}": name part must be no more than 63 characters`,
    ]);
    expect(check({ name: 'x', labels: { app: 'v'.repeat(64) } })).toEqual([`metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`]);
  });

  test('annotation keys are qualified names (case-insensitive), 256 KiB in all', () => {
    expect(check({ name: 'x', annotations: { 'Example.com/Note': 'x' } })).toEqual([]);
    expect(check({ name: 'x', annotations: { 'bad key': 'x' } })).toEqual([expect.stringMatching(/^metadata\.annotations: Invalid value: "bad key": name part must consist/)]);
    expect(check({ name: 'x', annotations: { big: 'x'.repeat(256 * 1024) } })).toEqual(['metadata.annotations: Too long: may not be more than 262144 bytes']);
  });
});
