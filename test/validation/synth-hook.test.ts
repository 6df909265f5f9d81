import { join } from 'path';
import * as cdk8s from 'cdk8s';
import { ApiObject, Chart, Include, JsonPatch, Testing } from 'cdk8s';
import * as constructs from 'constructs';
import { IConstruct } from 'constructs';
import { IstioValidation, networking } from '../../src';
import { installSynthValidation, setSynthReporter, SynthMessage } from '../../src/validation/synth-hook';

/** A VirtualService whose timeout Istio's CRD rejects (durations must be at least 1ms). */
function tooShortTimeout(chart: Chart, id = 'Route') {
  return new networking.VirtualService(chart, id, {
    metadata: { name: 'reviews', namespace: 'bookinfo' },
    spec: { hosts: ['reviews'], http: [{ timeout: '1us', route: [{ destination: { host: 'reviews' } }] }] },
  });
}

/** Everything synth-time validation of the app `scope` belongs to reports, as it reports it. */
function captureOutput(scope: IConstruct): SynthMessage[] {
  const messages: SynthMessage[] = [];
  setSynthReporter(scope, message => messages.push(message));
  return messages;
}

/** A Gateway whose httpsRedirect on a TLS server Istio's webhook warns about. */
function passthroughGateway(chart: Chart) {
  return new networking.Gateway(chart, 'Passthrough', {
    metadata: { name: 'passthrough', namespace: 'istio-system' },
    spec: {
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 8443, name: 'tls', protocol: 'TLS' }, hosts: ['*'], tls: { mode: networking.GatewaySpecServersTlsMode.PASSTHROUGH, httpsRedirect: true } }],
    },
  });
}

/** The cdk8s-istio marks on a construct, by key. */
function istioMarks(construct: IConstruct): Record<string, unknown> {
  return Object.fromEntries(Object.getOwnPropertySymbols(construct)
    .filter(key => key.description?.startsWith('cdk8s-istio.'))
    .map(key => [key.description, (construct as unknown as Record<symbol, unknown>)[key]]));
}

const PASSTHROUGH_WARNING = '[test/Passthrough] warning: IST0133 Gateway istio-system/passthrough: '
  + 'spec.servers[0].tls.httpsRedirect: tls.httpsRedirect should only be used with http servers';

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

  test('warnings are printed (console.warn by default) with the construct path and do not fail the synth', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const chart = Testing.chart();
      passthroughGateway(chart);

      expect(Testing.synth(chart)).toHaveLength(1);
      expect(warn.mock.calls).toEqual([[PASSTHROUGH_WARNING]]);
    } finally {
      warn.mockRestore();
    }
  });

  test('all output goes through the app\'s reporter: the finding with its construct path, and the text printed', () => {
    const warn = jest.spyOn(console, 'warn');
    try {
      const chart = Testing.chart();
      const gateway = passthroughGateway(chart);
      const messages = captureOutput(chart);

      Testing.synth(chart);
      expect(messages).toEqual([{
        type: 'finding',
        constructPath: gateway.node.path,
        diagnostic: expect.objectContaining({ severity: 'warning', code: 'IST0133', kind: 'Gateway', path: 'spec.servers[0].tls.httpsRedirect' }),
        text: PASSTHROUGH_WARNING,
      }]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  test('a warning is reported once, though cdk8s validates the app again for every chart', () => {
    const app = Testing.app();
    const gateways = new Chart(app, 'gateways');
    new Chart(app, 'other');
    passthroughGateway(gateways);
    const messages = captureOutput(app);

    app.synthYaml();
    expect(messages.map(message => message.text)).toEqual([PASSTHROUGH_WARNING.replace('[test/', '[gateways/')]);
  });

  test('the validation state is marks on the constructs under Symbol.for keys, not enumerable', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'quiet');
    IstioValidation.disable(chart);
    IstioValidation.disableAnalysis(chart);
    IstioValidation.bestPractices(chart);

    expect(istioMarks(chart)).toEqual({ 'cdk8s-istio.validation-disabled': true });
    expect(istioMarks(app)).toEqual({ 'cdk8s-istio.analysis-disabled': true, 'cdk8s-istio.best-practices': true });
    expect([chart, app].flatMap(c => Object.getOwnPropertySymbols(c).filter(key => key.description?.startsWith('cdk8s-istio.'))
      .map(key => Object.getOwnPropertyDescriptor(c, key)!.enumerable))).toEqual([false, false, false]);
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

/** A VirtualService for `host` whose timeout is produced lazily, counting the renders; `timeout()` gives the value. */
function lazyRoute(chart: Chart, id: string, host: string, timeout: () => string) {
  const renders = { count: 0 };
  const route = new networking.VirtualService(chart, id, {
    metadata: { name: host, namespace: 'bookinfo' },
    spec: {
      hosts: [host],
      http: [{ timeout: cdk8s.Lazy.any({ produce: () => { renders.count++; return timeout(); } }), route: [{ destination: { host } }] }],
    },
  });
  return { route, renders };
}

describe('an app with nothing to validate renders nothing for validation', () => {
  // A validation of the user's own turns off the reuse of the validation's render, so a render for
  // validation would show as a second render.
  const userValidation = { validate: () => [] };

  test('every Istio object disabled: only the writing renders them', () => {
    const chart = Testing.chart();
    chart.node.addValidation(userValidation);
    const { renders } = lazyRoute(chart, 'Route', 'reviews', () => '1us'); // invalid, but validation is off
    IstioValidation.disable(chart);

    expect(Testing.synth(chart)[0].spec.http[0].timeout).toBe('1us');
    expect(renders.count).toBe(1);
  });

  test('no Istio object at all: other objects are not rendered for validation', () => {
    const chart = Testing.chart();
    chart.node.addValidation(userValidation);
    let renders = 0;
    new ApiObject(chart, 'Config', { apiVersion: 'v1', kind: 'ConfigMap', data: { key: cdk8s.Lazy.any({ produce: () => { renders++; return 'v'; } }) } });

    expect(Testing.synth(chart)[0].data).toEqual({ key: 'v' });
    expect(renders).toBe(1);
  });

});

describe('the render of the validation is written (one render per object and synth)', () => {
  test('Testing.synth() renders each object once, and writes what it validated', () => {
    const chart = Testing.chart();
    const { renders } = lazyRoute(chart, 'Route', 'reviews', () => '5s');

    const manifests = Testing.synth(chart);

    expect(renders.count).toBe(1);
    expect(manifests[0].spec.http[0].timeout).toBe('5s');
  });

  test('app.synth() renders each object once per validation of the app (once, then again for each chart it writes)', () => {
    const app = Testing.app();
    const a = lazyRoute(new Chart(app, 'a'), 'Route', 'reviews', () => '5s');
    const b = lazyRoute(new Chart(app, 'b'), 'Route', 'ratings', () => '7s');

    expect(app.synthYaml()).toMatch(/timeout: 5s[^]*timeout: 7s/);
    const before = a.renders.count + b.renders.count;
    app.synth();

    // 2 objects: validated by app.synth(), then by each chart's toJson(), which writes the object it validated.
    expect(a.renders.count + b.renders.count - before).toBe(6);
  });

  test('an object changed after a synth is rendered again (toJson(), the next synth)', () => {
    const chart = Testing.chart();
    let timeout = '5s';
    const { route } = lazyRoute(chart, 'Route', 'reviews', () => timeout);
    Testing.synth(chart);

    timeout = '6s';
    route.addJsonPatch(JsonPatch.add('/metadata/labels', { app: 'reviews' }));
    expect(route.toJson().spec.http[0].timeout).toBe('6s');
    timeout = '7s';
    const [written] = Testing.synth(chart);

    expect(written.spec.http[0].timeout).toBe('7s');
    expect(written.metadata.labels).toEqual({ app: 'reviews' });
  });

  test('a JSON patch a later construct\'s validation adds is written', () => {
    const chart = Testing.chart();
    const { route } = lazyRoute(chart, 'Route', 'reviews', () => '5s');
    const later = new constructs.Construct(chart, 'Later');
    later.node.addValidation({ validate: () => { route.addJsonPatch(JsonPatch.replace('/spec/http/0/timeout', '9s')); return []; } });

    expect(Testing.synth(chart)[0].spec.http[0].timeout).toBe('9s');
  });

  test('a value a later construct\'s validation changes is written', () => {
    const chart = Testing.chart();
    let timeout = '5s';
    lazyRoute(chart, 'Route', 'reviews', () => timeout);
    new constructs.Construct(chart, 'Later').node.addValidation({ validate: () => { timeout = '8s'; return []; } });

    expect(Testing.synth(chart)[0].spec.http[0].timeout).toBe('8s');
  });

  test('a JSON patch added while a later object renders is written', () => {
    const chart = Testing.chart();
    const { route } = lazyRoute(chart, 'A', 'reviews', () => '5s');
    lazyRoute(chart, 'B', 'ratings', () => {
      route.addJsonPatch(JsonPatch.add('/metadata/labels', { patched: 'yes' }));
      return '5s';
    });

    const [written] = Testing.synth(chart);

    expect(written.metadata.labels).toEqual({ patched: 'yes' });
  });

  test('a value the reporter changes is written', () => {
    const chart = Testing.chart();
    let timeout = '5s';
    lazyRoute(chart, 'Route', 'reviews', () => timeout);
    passthroughGateway(chart);
    setSynthReporter(chart, () => { timeout = '4s'; });

    expect(Testing.synth(chart).find(o => o.kind === 'VirtualService').spec.http[0].timeout).toBe('4s');
  });
});

describe('two copies of the library in one app', () => {
  type Library = typeof import('../../src');
  type Hook = typeof import('../../src/validation/synth-hook');

  /**
   * A second copy of cdk8s-istio, loaded as a second dependency of the app brings it (another
   * version, not deduplicated): its own modules, the app's cdk8s and constructs (peer dependencies).
   */
  function secondCopy(): { library: Library; hook: Hook } {
    let copy: { library: Library; hook: Hook } | undefined;
    jest.isolateModules(() => {
      jest.doMock('cdk8s', () => cdk8s);
      jest.doMock('constructs', () => constructs);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.isolateModules loads a module only through require
      copy = { library: require('../../src'), hook: require('../../src/validation/synth-hook') };
    });
    jest.dontMock('cdk8s');
    jest.dontMock('constructs');
    return copy!;
  }

  const other = secondCopy();

  test('it is another copy: other classes, the same cdk8s', () => {
    expect(other.library.IstioValidation).not.toBe(IstioValidation);
    expect(other.library.networking.VirtualService).not.toBe(networking.VirtualService);
    expect(Object.getPrototypeOf(other.library.networking.VirtualService)).toBe(ApiObject);
  });

  test('the other copy\'s IstioValidation.disable(scope) is honoured by the hook that validates the app', () => {
    const app = Testing.app();
    const quiet = new Chart(app, 'quiet');
    const strict = new Chart(app, 'strict');
    tooShortTimeout(quiet);
    other.library.IstioValidation.disable(quiet);

    expect(Testing.synth(quiet)[0].spec.http[0].timeout).toBe('1us');
    tooShortTimeout(strict);
    expect(() => Testing.synth(strict)).toThrow(/\[strict\/Route\] IST0106/);
  });

  test('objects of the other copy are validated once, by the same hook', () => {
    const chart = Testing.chart();
    new other.library.networking.VirtualService(chart, 'Route', {
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: { hosts: ['reviews'], http: [{ timeout: '1us', route: [{ destination: { host: 'reviews' } }] }] },
    });

    expect(() => Testing.synth(chart)).toThrow(/^Validation failed with the following errors:\n {2}\[test\/Route\] IST0106 [^\n]*$/);
  });

  const routeToMissingSubset = (chart: Chart) => new networking.VirtualService(chart, 'Route', {
    metadata: { name: 'r' },
    spec: { hosts: ['a'], http: [{ route: [{ destination: { host: 'a', subset: 'v9' } }] }] },
  });

  test('the other copy\'s disableAnalysis() is honoured', () => {
    const analysed = Testing.chart();
    routeToMissingSubset(analysed);
    expect(() => Testing.synth(analysed)).toThrow(/\[test\/Route\] IST0101/);

    const chart = Testing.chart();
    routeToMissingSubset(chart);
    other.library.IstioValidation.disableAnalysis(chart);
    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('the other copy\'s suppress() and bestPractices() are honoured, and its reporter receives the output', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'snippets');
    routeToMissingSubset(chart);
    other.library.IstioValidation.suppress(chart, 'IST0101', 'v9 ships next week');
    other.library.IstioValidation.bestPractices(chart);
    const messages: SynthMessage[] = [];
    other.hook.setSynthReporter(app, message => messages.push(message));

    expect(Testing.synth(chart)).toHaveLength(1);
    expect(messages.map(message => [message.type, message.text])).toEqual([
      ['suppressions', 'cdk8s-istio: 1 finding suppressed\n'
        + '  [snippets/Route] error: IST0101 VirtualService r: spec.http[0].route[0].destination.subset: Referenced host+subset in destinationrule not found: "a+v9"'
        + " (suppressed by IstioValidation.suppress() on 'snippets': v9 ships next week)"],
      ['finding', '[snippets/Route] warning: CI2001 VirtualService r: spec.http[0]: the route has no timeout, so a slow destination holds the caller'
        + ' without limit (Istio sets no route timeout by default); set timeout'],
    ]);
  });
});
