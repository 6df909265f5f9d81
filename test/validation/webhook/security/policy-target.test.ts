import { validatePolicyTargets } from '../../../../src/validation/webhook/security/policy-target';
import { at, collect, err, warn } from '../../../support/objects';

const targets = (spec: any) => collect(findings => validatePolicyTargets(at('spec'), findings, spec));
const ALLOWED = '[core/v1/Service networking.istio.io/v1/ServiceEntry gateway.networking.k8s.io/v1/Gateway gateway.networking.k8s.io/v1/GatewayClass]';

describe('policy targets (validateOneOfSelectorType, validateWorkloadSelector, validatePolicyTargetReference)', () => {
  test.each([
    [{}],
    [{ selector: { matchLabels: { app: 'httpbin' } } }],
    [{ targetRef: { kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'waypoint' } }],
    [{ targetRefs: [{ kind: 'Service', name: 'reviews' }, { kind: 'Service', group: 'core', name: 'ratings' }] }],
    [{ targetRefs: [{ kind: 'ServiceEntry', group: 'networking.istio.io', name: 'ext' }, { kind: 'GatewayClass', group: 'gateway.networking.k8s.io', name: 'istio' }] }],
    [{ selector: { matchLabels: { app: 'x' } }, targetRefs: [] }],
  ])('%p is valid', spec => {
    expect(targets(spec)).toEqual([]);
  });

  test('only one way to select the target', () => {
    expect(targets({ selector: { matchLabels: { app: 'x' } }, targetRefs: [{ kind: 'Service', name: 'x' }] }))
      .toEqual([err('spec', 'only one of targetRefs or workloadSelector can be set')]);
    expect(targets({ targetRef: { kind: 'Service', name: 'x' }, targetRefs: [{ kind: 'Service', name: 'y' }] }))
      .toEqual([err('spec', 'only one of targetRefs or workloadSelector can be set')]);
  });

  test('a selector without labels is a warning', () => {
    expect(targets({ selector: {} })).toEqual([warn('spec.selector', 'workload selector specified without labels')]);
  });

  test('selector labels may not be empty keys or wildcards', () => {
    expect(targets({ selector: { matchLabels: { '': 'x', 'app': 'a*' } } })).toEqual([
      err('spec.selector.matchLabels[]', 'empty key is not supported in selector: "=x"'),
      err('spec.selector.matchLabels[app]', 'wildcard is not supported in selector: "app=a*"'),
    ]);
  });

  test('a target reference needs a name, no namespace, and an allowed kind', () => {
    expect(targets({ targetRef: { kind: 'Deployment', group: 'apps', name: '', namespace: 'other' } })).toEqual([
      err('spec.targetRef.name', 'targetRef name must be set'),
      err('spec.targetRef.namespace', 'targetRef namespace must not be set; cross namespace referencing is not supported'),
      err('spec.targetRef', `targetRef must be to one of ${ALLOWED} but was apps/Deployment`),
    ]);
  });

  test('the group must match the kind', () => {
    expect(targets({ targetRefs: [{ kind: 'Service', name: 'a' }, { kind: 'Gateway', name: 'b' }] })).toEqual([
      err('spec.targetRefs[1]', `targetRef must be to one of ${ALLOWED} but was /Gateway`),
    ]);
  });
});
