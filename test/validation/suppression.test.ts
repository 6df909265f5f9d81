import { Diagnostic, Severity } from '../../src/validation/diagnostic';
import {
  annotationSuppressor, applySuppressions, glob, knownCodes, parseResourceSuppression, resourceNames, resourceSuppressor, SUPPRESS_ANNOTATION,
} from '../../src/validation/suppression';
import { object } from '../support/objects';

function finding(code: string, objectIndex: number, namespace?: string): Diagnostic {
  return { severity: Severity.ERROR, code, kind: 'DestinationRule', apiVersion: 'networking.istio.io/v1', name: 'reviews', ...(namespace ? { namespace } : {}), path: '', message: 'm', objectIndex };
}

function rule(annotation?: string) {
  const annotations = annotation === undefined ? undefined : { [SUPPRESS_ANNOTATION]: annotation };
  return object('networking.istio.io/v1', 'DestinationRule', 'reviews', undefined, { namespace: 'shop', annotations });
}

describe('suppressions, as istioctl analyze 1.30.3', () => {
  test('go-glob: * matches any run (none included); without *, equality; nothing else is special', () => {
    expect([
      glob('*', 'anything'), glob('DestinationRule *.shop', 'DestinationRule reviews.shop'), glob('*.shop', 'DestinationRule reviews.shop'),
      glob('Destination*', 'DestinationRule x'), glob('a*b*c', 'axxbyyc'), glob('a**c', 'ac'), glob('', ''),
    ]).toEqual([true, true, true, true, true, true, true]);
    expect([
      glob('DestinationRule *.shop', 'DestinationRule reviews.shopping'), glob('Destination', 'DestinationRule'), glob('*.shop', 'x.shop.y'),
      glob('a*b*c', 'acb'), glob('', 'x'), glob('reviews.?hop', 'reviews.shop'),
    ]).toEqual([false, false, false, false, false, false]);
  });

  test('a resource has two names: istioctl 1.30.3\'s FriendlyName (Kind ns/name) and its documented form (Kind name.ns); no namespace is default', () => {
    expect(resourceNames({ kind: 'DestinationRule', namespace: 'shop', name: 'reviews' })).toEqual(['DestinationRule shop/reviews', 'DestinationRule reviews.shop']);
    expect(resourceNames({ kind: 'Gateway', name: 'public' })).toEqual(['Gateway default/public', 'Gateway public.default']);
  });

  test('--suppress values: exactly one =, as istioctl splits them', () => {
    expect(parseResourceSuppression('IST0173=DestinationRule reviews.shop')).toEqual({ code: 'IST0173', resource: 'DestinationRule reviews.shop' });
    expect(parseResourceSuppression('IST0173')).toBeUndefined();
    expect(parseResourceSuppression('IST0173=a=b')).toBeUndefined();
  });

  test('the annotation: exact codes split at commas, or *; nothing trimmed, as istioctl', () => {
    const suppressed = (annotation: string, code = 'IST0173') => annotationSuppressor(finding(code, 0), rule(annotation));
    expect(suppressed('IST0173,IST0101')).toBe(`annotation ${SUPPRESS_ANNOTATION}: "IST0173,IST0101"`);
    expect(suppressed('IST0101,IST0173')).toBe(`annotation ${SUPPRESS_ANNOTATION}: "IST0101,IST0173"`);
    expect(suppressed('*', 'IST0106')).toBe(`annotation ${SUPPRESS_ANNOTATION}: "*"`);
    expect(suppressed('IST0101, IST0173')).toBeUndefined();
    expect(suppressed('IST0101')).toBeUndefined();
    expect(suppressed('')).toBeUndefined();
  });

  test('applySuppressions: the annotation, then the suppressors; a finding whose object is not in the list is always kept', () => {
    const objects = [rule('IST0106'), rule()];
    const diagnostics = [finding('IST0106', 0, 'shop'), finding('IST0173', 1, 'shop'), finding('CI1002', 1, 'shop'), finding('IST0106', 2)];
    const { kept, suppressed } = applySuppressions(diagnostics, objects, [resourceSuppressor([{ code: 'IST0173', resource: 'DestinationRule shop/*' }])]);
    expect(kept).toEqual([diagnostics[2], diagnostics[3]]);
    expect(suppressed).toEqual([
      { diagnostic: diagnostics[0], by: `annotation ${SUPPRESS_ANNOTATION}: "IST0106"` },
      { diagnostic: diagnostics[1], by: '--suppress "IST0173=DestinationRule shop/*"' },
    ]);
  });

  test('--suppress needs the code exactly and the resource by glob', () => {
    const suppress = resourceSuppressor([{ code: 'IST0173', resource: 'DestinationRule reviews.shop' }]);
    expect(suppress(finding('IST0173', 0, 'shop'), rule())).toBe('--suppress "IST0173=DestinationRule reviews.shop"');
    expect(suppress(finding('IST0101', 0, 'shop'), rule())).toBeUndefined();
    expect(suppress(finding('IST0173', 0, 'other'), rule())).toBeUndefined();
  });

  test('known codes: istioctl\'s that we report, ours and the best-practice ones', () => {
    expect(['IST0106', 'IST0133', 'IST0173', 'CI1002', 'CI2001'].every(code => knownCodes().has(code))).toBe(true);
    expect(knownCodes().has('IST0103')).toBe(false);
    expect(knownCodes().has('*')).toBe(false);
  });
});
