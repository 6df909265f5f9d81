import { join } from 'path';
import { ApiObject, Chart, Include, JsonPatch, Testing } from 'cdk8s';
import { IstioValidation, networking } from '../../src';
import { installSynthValidation } from '../../src/validation/synth-hook';

/** A VirtualService whose timeout Istio's CRD rejects (durations must be at least 1ms). */
function tooShortTimeout(chart: Chart, id = 'Route') {
  return new networking.VirtualService(chart, id, {
    metadata: { name: 'reviews', namespace: 'bookinfo' },
    spec: { hosts: ['reviews'], http: [{ timeout: '1us', route: [{ destination: { host: 'reviews' } }] }] },
  });
}

describe('validation at synth', () => {
  test('a valid L1 object synthesizes', () => {
    const chart = Testing.chart();
    new networking.VirtualService(chart, 'Route', {
      metadata: { name: 'reviews' },
      spec: { hosts: ['reviews'], http: [{ timeout: '10s', route: [{ destination: { host: 'reviews' } }] }] },
    });

    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('an invalid L1 object fails Testing.synth, naming construct path, object, field and rule', () => {
    const chart = Testing.chart();
    tooShortTimeout(chart);

    expect(() => Testing.synth(chart)).toThrow(
      '[test/Route] IST0106 VirtualService bookinfo/reviews: spec.http[0].timeout: '
      + 'Invalid value: "1us": must be a valid duration greater than 1ms');
  });

  test('an invalid object fails app.synth() too, and every error is listed', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'mesh');
    tooShortTimeout(chart, 'First');
    new networking.DestinationRule(chart, 'Second', {
      metadata: { name: 'reviews' },
      spec: { host: 'reviews', trafficPolicy: { tls: { mode: 'BLAH' as networking.DestinationRuleSpecTrafficPolicyTlsMode } } },
    });

    expect(() => app.synth()).toThrow(/\[mesh\/First\] IST0106 VirtualService bookinfo\/reviews: spec\.http\[0\]\.timeout: [^]*\[mesh\/Second\] IST0106 DestinationRule reviews: spec\.trafficPolicy\.tls\.mode: Unsupported value: "BLAH"/);
  });

  test('the object is validated as rendered: JSON patches count', () => {
    const chart = Testing.chart();
    const route = tooShortTimeout(chart);
    ApiObject.of(route).addJsonPatch(JsonPatch.replace('/spec/http/0/timeout', '2s'));

    expect(Testing.synth(chart)[0].spec.http[0].timeout).toBe('2s');
  });

  test('Include\'d YAML is validated; other kinds in it are left alone', () => {
    const chart = Testing.chart();
    new Include(chart, 'Vendor', { url: join(__dirname, '..', 'fixtures', 'include', 'gateway-missing-port.yaml') });

    expect(() => Testing.synth(chart)).toThrow(
      /\[test\/Vendor\/[^\]]*public[^\]]*\] IST0106 Gateway istio-system\/public: spec\.servers\[0\]\.port\.protocol: Required value/);
  });

  test('IstioValidation.disable(scope) turns it off for that scope only', () => {
    const app = Testing.app();
    const quiet = new Chart(app, 'quiet');
    const strict = new Chart(app, 'strict');
    tooShortTimeout(quiet);
    IstioValidation.disable(quiet);

    expect(Testing.synth(quiet)[0].spec.http[0].timeout).toBe('1us');

    tooShortTimeout(strict);
    expect(() => Testing.synth(strict)).toThrow(/\[strict\/Route\]/);
  });

  test('warnings are printed with the construct path and do not fail the synth', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const chart = Testing.chart();
    new networking.Gateway(chart, 'Passthrough', {
      metadata: { name: 'passthrough', namespace: 'istio-system' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{ port: { number: 8443, name: 'tls', protocol: 'TLS' }, hosts: ['*'], tls: { mode: networking.GatewaySpecServersTlsMode.PASSTHROUGH, httpsRedirect: true } }],
      },
    });

    expect(Testing.synth(chart)).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith('[test/Passthrough] warning: IST0133 Gateway istio-system/passthrough: '
      + 'spec.servers[0].tls.httpsRedirect: tls.httpsRedirect should only be used with http servers');
    warn.mockRestore();
  });

  test('a warning is printed once, though cdk8s validates the app again for every chart', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const app = Testing.app();
    const gateways = new Chart(app, 'gateways');
    new Chart(app, 'other');
    new networking.Gateway(gateways, 'Passthrough', {
      metadata: { name: 'passthrough', namespace: 'istio-system' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{ port: { number: 8443, name: 'tls', protocol: 'TLS' }, hosts: ['*'], tls: { mode: networking.GatewaySpecServersTlsMode.PASSTHROUGH, httpsRedirect: true } }],
      },
    });

    app.synthYaml();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  test('node.validate() on an object outside a synth validates it alone', () => {
    const chart = Testing.chart();
    const route = tooShortTimeout(chart);

    expect(route.node.validate()).toEqual([
      'IST0106 VirtualService bookinfo/reviews: spec.http[0].timeout: Invalid value: "1us": must be a valid duration greater than 1ms',
    ]);
  });

  test('non-Istio objects are not validated', () => {
    const chart = Testing.chart();
    new ApiObject(chart, 'Odd', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'UPPER_case' } });

    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('installing twice wraps once', () => {
    installSynthValidation();
    const chart = Testing.chart();
    tooShortTimeout(chart);

    expect(() => Testing.synth(chart)).toThrow(/Validation failed with the following errors:\n {2}\[test\/Route\] IST0106 [^\n]*\n?$/);
  });
});
