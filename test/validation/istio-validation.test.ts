import { Chart, Testing } from 'cdk8s';
import { IstioValidation, networking, Severity } from '../../src';

describe('IstioValidation', () => {
  test('validate() takes plain objects and returns diagnostics', () => {
    const diagnostics = IstioValidation.validate([
      { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'ok' }, spec: { hosts: ['a'] } },
      { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'bad' }, spec: { hosts: 'a' } },
    ]);
    expect(diagnostics).toEqual([{
      severity: Severity.ERROR,
      code: 'IST0106',
      kind: 'VirtualService',
      apiVersion: 'networking.istio.io/v1',
      name: 'bad',
      path: 'spec.hosts',
      message: 'Invalid value: "a": spec.hosts in body must be of type array: "string"',
      objectIndex: 1,
    }]);
  });

  test('disable() switches synth-time validation off under a scope', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'legacy');
    new networking.VirtualService(chart, 'Route', { metadata: { name: 'r' }, spec: { hosts: ['a'], http: [{ timeout: '0s' }] } });
    IstioValidation.disable(app);

    expect(Testing.synth(chart)).toHaveLength(1);
  });
});
