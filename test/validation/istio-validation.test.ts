import { Chart, Testing } from 'cdk8s';
import { IstioValidation, networking, Severity } from '../../src';

describe('IstioValidation', () => {
  test('validate() takes plain objects and returns diagnostics', () => {
    const diagnostics = IstioValidation.validate([
      { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'ok' }, spec: { hosts: ['a'], http: [{ route: [{ destination: { host: 'a' } }] }] } },
      { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'bad' }, spec: { hosts: 'a' } },
    ]);
    expect(diagnostics).toEqual([{
      severity: Severity.ERROR,
      code: 'IST0106',
      kind: 'VirtualService',
      apiVersion: 'networking.istio.io/v1',
      name: 'bad',
      path: 'spec.hosts',
      message: 'Invalid value: "string": spec.hosts in body must be of type array: "string"',
      objectIndex: 1,
    }, expect.objectContaining({ path: '<nil>', objectIndex: 1 })]);
  });

  test('disable() switches synth-time validation off under a scope', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'legacy');
    new networking.VirtualService(chart, 'Route', { metadata: { name: 'r' }, spec: { hosts: ['a'], http: [{ timeout: '0s' }] } });
    IstioValidation.disable(app);

    expect(Testing.synth(chart)).toHaveLength(1);
  });
});

describe('IstioValidation.disableAnalysis', () => {
  const routeToMissingSubset = (chart: Chart) => new networking.VirtualService(chart, 'Route', {
    metadata: { name: 'r' },
    spec: { hosts: ['a'], http: [{ route: [{ destination: { host: 'a', subset: 'v9' } }] }] },
  });

  test('cross-resource findings fail the synth by default', () => {
    const chart = Testing.chart();
    routeToMissingSubset(chart);
    expect(() => Testing.synth(chart)).toThrow(/IST0101/);
  });

  test('disableAnalysis() keeps per-object checks, drops cross-resource ones', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'snippets');
    routeToMissingSubset(chart);
    IstioValidation.disableAnalysis(chart);
    expect(Testing.synth(chart)).toHaveLength(1);

    new networking.VirtualService(chart, 'Broken', { metadata: { name: 'b' }, spec: { hosts: ['b'], http: [{ timeout: '1us' }] } });
    expect(() => Testing.synth(chart)).toThrow(/\[snippets\/Broken\] IST0106/);
  });
});
