import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { EgressLockdown, ExternalApi, Host, SidecarEgressHost } from '../../src';
import { synthClean } from '../support/synth-clean';


test('defaults: a namespace-wide Sidecar named default, REGISTRY_ONLY, own namespace and istio-system', () => {
  const chart = Testing.chart();
  const lockdown = new EgressLockdown(chart, 'Shop', { namespace: 'shop' });
  const [sidecar] = synthClean(chart, { allowInfos: true });
  expect(sidecar.metadata).toEqual({ name: 'default', namespace: 'shop' });
  expect(sidecar.spec).toEqual({ egress: [{ hosts: ['./*', 'istio-system/*'] }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } });
  expect(lockdown.sidecar.name).toBe('default');
});

test('the seed\'s namespace-default Sidecar', () => {
  const chart = Testing.chart();
  new EgressLockdown(chart, 'Production', { name: 'namespace-default', namespace: 'production', allowedHosts: [SidecarEgressHost.inNamespace('shared-services')] });
  const [sidecar] = synthClean(chart, { allowInfos: true });
  expect(sidecar.metadata).toEqual({ name: 'namespace-default', namespace: 'production' });
  expect(sidecar.spec).toEqual({ egress: [{ hosts: ['./*', 'istio-system/*', 'shared-services/*'] }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } });
});

test('a workload locked to one external API through the egress gateway', () => {
  const chart = Testing.chart();
  const api = new ExternalApi(chart, 'Payments', { host: 'api.payments.example.com', namespace: 'shop', egressGateway: {} });
  new EgressLockdown(chart, 'CheckoutEgress', {
    namespace: 'shop',
    workloadSelector: { app: 'checkout' },
    allowOwnNamespace: false,
    allowIstioNamespace: false,
    allowedHosts: [...api.egressHosts, SidecarEgressHost.currentNamespace(Host.fromService('cart', 'shop'))],
  });
  const out = synthClean(chart, { allowInfos: true });
  const sidecar = out.find(o => o.kind === 'Sidecar');
  expect(sidecar.metadata.name).toBe('checkout-egress');
  expect(sidecar.spec).toEqual({
    workloadSelector: { labels: { app: 'checkout' } },
    egress: [{ hosts: ['shop/api.payments.example.com', 'istio-system/istio-egressgateway.istio-system.svc.cluster.local', './cart.shop.svc.cluster.local'] }],
    outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
  });
  expect(out).toMatchSnapshot();
});

test('hosts already allowed are left out (Istio warns about duplicated egress hosts)', () => {
  const chart = Testing.chart();
  const api = new ExternalApi(chart, 'Api', { host: 'api.example.com', namespace: 'shop' });
  new EgressLockdown(chart, 'L', {
    namespace: 'shop',
    allowedHosts: [...api.egressHosts, SidecarEgressHost.currentNamespace(), SidecarEgressHost.inNamespace('data', Host.fromName('db.example.com')),
      SidecarEgressHost.inNamespace('data', Host.fromName('db.example.com')), SidecarEgressHost.inNamespace('istio-system', Host.fromName('x.example.com'))],
  });
  const sidecar = synthClean(chart, { allowInfos: true }).find(o => o.kind === 'Sidecar');
  expect(sidecar.spec.egress).toEqual([{ hosts: ['./*', 'istio-system/*', 'data/db.example.com'] }]);
});

test('another Istio namespace', () => {
  const chart = Testing.chart();
  new EgressLockdown(chart, 'L', { istioNamespace: 'mesh-system' });
  expect(synthClean(chart, { allowInfos: true })[0].spec.egress).toEqual([{ hosts: ['./*', 'mesh-system/*'] }]);
});

describe('EgressLockdown errors', () => {
  const cases: [string, () => void, RegExp][] = [
    ['empty selector', () => new EgressLockdown(Testing.chart(), 'L', { workloadSelector: {} }), /EgressLockdown 'test\/L': workloadSelector is empty/],
    ['istio namespace not allowed', () => new EgressLockdown(Testing.chart(), 'L', { istioNamespace: 'mesh', allowIstioNamespace: false }), /istioNamespace "mesh" is given but allowIstioNamespace is false/],
    ['nothing', () => new EgressLockdown(Testing.chart(), 'L', { allowOwnNamespace: false, allowIstioNamespace: false }), /nothing is allowed/],
  ];
  test.each(cases)('%s', (_, build, message) => expect(build).toThrow(message));
});

test('property: any valid props synthesize validator-clean output', () => {
  fc.assert(fc.property(
    fc.boolean(), fc.boolean(), fc.option(fc.constantFrom('shop', 'web')), fc.option(fc.constantFrom<{ [key: string]: string }>({ app: 'a' }, { app: 'b', version: 'v1' })),
    fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 3 }),
    (own, istio, namespace, workloadSelector, extraNamespaces) => {
      const allowedHosts = extraNamespaces.filter(ns => ns !== 'istio-system').map(ns => SidecarEgressHost.inNamespace(ns));
      fc.pre(own || istio || allowedHosts.length > 0);
      const chart = Testing.chart();
      new EgressLockdown(chart, 'Lockdown', {
        allowOwnNamespace: own,
        allowIstioNamespace: istio,
        namespace: namespace ?? undefined,
        workloadSelector: workloadSelector ?? undefined,
        allowedHosts,
      });
      synthClean(chart, { allowInfos: true });
    }), { numRuns: 40 });
});
