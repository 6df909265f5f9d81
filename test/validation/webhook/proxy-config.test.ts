import { validateObjects } from '../../../src/validation/validate';
import { validateProxyConfig } from '../../../src/validation/webhook/proxy-config';
import { collect, err, proxyConfig, warn, webhookView } from '../../support/objects';

/** The ProxyConfig `apps/pc` with this spec. */
const object = (spec: any) => proxyConfig('pc', spec, 'apps');
const check = (spec: any) => collect(findings => validateProxyConfig(webhookView(object(spec)), findings));

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
  test('a valid ProxyConfig passes', () => {
    expect(validateObjects([object({ concurrency: 2, selector: { matchLabels: { app: 'ratings' } } })])).toEqual([]);
  });

  test('a selector without labels is an IST0133 warning', () => {
    expect(validateObjects([object({ selector: { matchLabels: {} } })])).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'IST0133', path: 'spec.selector', message: 'workload selector specified without labels' }),
    ]);
  });
});
