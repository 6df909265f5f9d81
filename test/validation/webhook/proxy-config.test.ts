import { err, warn } from './findings-support';
import { validateObjects } from '../../../src/validation/validate';
import { validateProxyConfig } from '../../../src/validation/webhook/proxy-config';
import { WebhookObject } from '../../../src/validation/webhook/types';

function proxyConfig(spec: any): WebhookObject {
  return { apiVersion: 'networking.istio.io/v1beta1', kind: 'ProxyConfig', name: 'pc', namespace: 'apps', metadata: { name: 'pc' }, spec };
}
const check = (spec: any) => validateProxyConfig(proxyConfig(spec));

describe('ValidateProxyConfig', () => {
  test.each([
    [{}], [{ concurrency: 0 }], [{ concurrency: 2, selector: { matchLabels: { app: 'ratings' } }, environmentVariables: { A: 'b' } }],
  ])('a valid ProxyConfig has no findings (%p)', (spec) => {
    expect(check(spec)).toEqual([]);
  });

  test('negative concurrency is an error', () => {
    expect(check({ concurrency: -1 })).toEqual([err('spec.concurrency', 'concurrency must be greater than or equal to 0')]);
  });

  test('the workload selector: empty keys and wildcards are errors, no labels a warning', () => {
    expect(check({ selector: { matchLabels: { '': 'a', 'app': 'x*' } } })).toEqual([
      err('spec.selector.matchLabels[]', 'empty key is not supported in selector: "=a"'),
      err('spec.selector.matchLabels[app]', 'wildcard is not supported in selector: "app=x*"'),
    ]);
    expect(check({ selector: {} })).toEqual([warn('spec.selector', 'workload selector specified without labels')]);
  });
});

describe('ProxyConfig end to end through validateObjects', () => {
  const object = (spec: unknown) => ({ apiVersion: 'networking.istio.io/v1beta1', kind: 'ProxyConfig', metadata: { name: 'pc', namespace: 'apps' }, spec });

  test('a valid ProxyConfig passes', () => {
    expect(validateObjects([object({ concurrency: 2, selector: { matchLabels: { app: 'ratings' } } })])).toEqual([]);
  });

  test('a selector without labels is an IST0133 warning', () => {
    expect(validateObjects([object({ selector: { matchLabels: {} } })])).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'IST0133', path: 'spec.selector', message: 'workload selector specified without labels' }),
    ]);
  });
});
