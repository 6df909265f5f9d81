import { FieldPath } from '../../src/validation/field-path';

describe('FieldPath', () => {
  const http = FieldPath.at('spec', 'http').index(0);

  test('renders as Kubernetes prints a field.Path: fields with dots, items and map keys in brackets', () => {
    expect(http.child('headers').key('x-user').toString()).toBe('spec.http[0].headers[x-user]');
    expect(http.child('route').index(1).child('weight').toString()).toBe('spec.http[0].route[1].weight');
    expect(FieldPath.at('spec', 'selector').child('app').toString()).toBe('spec.selector.app');
  });

  test('the whole object is the empty path; no field at all prints <nil>', () => {
    expect(FieldPath.ROOT.toString()).toBe('');
    expect(FieldPath.NONE.toString()).toBe('<nil>');
    expect(FieldPath.ROOT.child('spec').toString()).toBe('spec');
  });

  test('segments: names and keys as strings (a key with dots is one), indexes as numbers', () => {
    expect(http.child('match').index(2).key('a.b/c').segments()).toEqual(['spec', 'http', 0, 'match', 2, 'a.b/c']);
    expect(FieldPath.ROOT.segments()).toEqual([]);
    expect(FieldPath.NONE.segments()).toEqual([]);
  });

  test('child takes several names; a path is immutable', () => {
    const spec = FieldPath.at('spec');
    expect(spec.child('a', 'b').toString()).toBe('spec.a.b');
    expect(spec.toString()).toBe('spec');
  });
});

describe('FieldPath.rebase', () => {
  const checked = FieldPath.at('spec', 'ingress');

  test('a finding in a fragment checked alone is placed where the fragment sits in the whole', () => {
    const finding = checked.index(0).child('port').child('number');
    expect(finding.rebase(checked.index(0), FieldPath.at('ingress').index(3)).toString()).toBe('ingress[3].port.number');
    expect(checked.index(0).rebase(checked.index(0), FieldPath.ROOT.child('x')).toString()).toBe('x');
  });

  test('a path outside the fragment is left as it is; prefixes compare by segments, not by identity', () => {
    const other = FieldPath.at('spec', 'egress').index(0);
    expect(other.rebase(checked.index(0), FieldPath.at('ingress').index(3))).toBe(other);
    expect(FieldPath.at('spec', 'ingress').index(0).key('a.b').rebase(FieldPath.at('spec', 'ingress').index(0), FieldPath.ROOT).toString()).toBe('[a.b]');
    expect(FieldPath.at('spec', 'ingress').index(1).rebase(checked.index(0), FieldPath.ROOT)).toEqual(FieldPath.at('spec', 'ingress').index(1));
  });
});
