import { describeObject, formatFinding, Severity } from '../../src/validation/diagnostic';

describe('diagnostics', () => {
  const base = { severity: Severity.ERROR, code: 'IST0106', kind: 'VirtualService', path: 'spec.hosts', message: 'Required value' };

  test('objects are named as istioctl names origins', () => {
    expect(describeObject({ kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' })).toBe('VirtualService bookinfo/reviews');
    expect(describeObject({ kind: 'VirtualService', name: 'reviews' })).toBe('VirtualService reviews');
    expect(describeObject({ kind: 'VirtualService' })).toBe('VirtualService <unnamed>');
  });

  test('a finding reads `<Kind> <ns>/<name>: <path>: <message>`, without path for the whole object', () => {
    expect(formatFinding({ ...base, namespace: 'bookinfo', name: 'reviews' })).toBe('VirtualService bookinfo/reviews: spec.hosts: Required value');
    expect(formatFinding({ ...base, name: 'reviews', path: '' })).toBe('VirtualService reviews: Required value');
  });
});
