import { validateObjects } from '../../../src/validation/validate';
import { validateWasmPlugin } from '../../../src/validation/webhook/wasm-plugin';
import { collect, err, warn, wasmPlugin, webhookView } from '../../support/objects';

/** The WasmPlugin `apps/auth` with this spec. */
const object = (spec: any) => wasmPlugin('auth', spec, 'apps');
const url = 'oci://ghcr.io/acme/auth:1.0';
const check = (spec: any) => collect(findings => validateWasmPlugin(webhookView(object({ url, ...spec })), findings));

describe('ValidateWasmPlugin', () => {
  test('a full valid plugin has no findings', () => {
    expect(check({
      selector: { matchLabels: { app: 'api' } },
      sha256: 'a'.repeat(64),
      imagePullSecret: 'pull-secret',
      pluginName: 'auth',
      vmConfig: { env: [{ name: 'A', value: 'x' }, { name: 'B', valueFrom: 'HOST' }, { name: 'C', valueFrom: 'INLINE', value: 'y' }] },
      match: [{ mode: 'SERVER', ports: [{ number: 8080 }] }],
    })).toEqual([]);
  });

  test('targets: one kind of selection, then the selector, then each reference', () => {
    expect(check({ selector: {}, targetRef: { kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'gw', namespace: 'other' } })).toEqual([
      err('spec', 'only one of targetRefs or workloadSelector can be set'),
      warn('spec.selector', 'workload selector specified without labels'),
      err('spec.targetRef.namespace', 'targetRef namespace must not be set; cross namespace referencing is not supported'),
    ]);
  });

  describe('url (validateWasmPluginURL, strictParseURL)', () => {
    test.each([
      'oci://ghcr.io/acme/auth:1.0', 'ghcr.io/acme/auth:1.0', 'https://example.com/auth.wasm', 'file:///opt/filters/auth.wasm',
      '/opt/filters/auth.wasm', 'HTTP://example.com/a.wasm', 'https://example.com/a.wasm#sha%41',
    ])('%p is valid', (value) => {
      expect(check({ url: value })).toEqual([]);
    });

    test.each([
      ['', 'url field needs to be set'],
      ['ftp://example.com/a.wasm', 'url contains unsupported scheme: ftp'],
      ['#%blah$#@', 'failed to parse url: parse "#%blah$#@": invalid URI for request'],
      // ParseRequestURI takes '#...' into the query; url.Parse unescapes it as the fragment.
      ['https://example.com/a.wasm?v=1#%zz', 'failed to strict parse url: parse "https://example.com/a.wasm?v=1#%zz": invalid URL escape "%zz"'],
      ['example.com/a.wasm?v=1#%z', 'failed to strict parse url: parse "http://example.com/a.wasm?v=1#%z": invalid URL escape "%z"'],
      // A path for ParseRequestURI, an authority for url.Parse.
      ['//ex ample.com/a.wasm', 'failed to strict parse url: parse "//ex ample.com/a.wasm": invalid character " " in host name'],
    ])('%p: %s', (value, message) => {
      expect(check({ url: value })).toEqual([err('spec.url', message)]);
    });
  });

  test('sha256: 64 characters of lower-case hex', () => {
    expect(check({ sha256: 'abc' })).toEqual([err('spec.sha256', 'sha256 field must be 64 characters long')]);
    expect(check({ sha256: 'A'.repeat(64) })).toEqual([err('spec.sha256', 'sha256 field must match [a-f0-9]{64} pattern')]);
  });

  test('lengths are bytes: image pull secret (253) and plugin name (256, the message says 255)', () => {
    expect(check({ imagePullSecret: 'é'.repeat(127) })).toEqual([err('spec.imagePullSecret', 'imagePullSecret field must be less than 253 characters long')]);
    expect(check({ pluginName: 'é'.repeat(128) })).toEqual([]);
    expect(check({ pluginName: 'é'.repeat(129) })).toEqual([err('spec.pluginName', 'pluginName field must be less than 255 characters long')]);
  });

  test.each([
    [[{ name: '' }], 'spec.vmConfig.env[0].name', 'spec.vmConfig.env invalid'],
    [[{ name: 'é'.repeat(129) }], 'spec.vmConfig.env[0].name', 'env.name field must be less than 255 characters long'],
    [[{ name: 'A' }, null, { name: 'A' }], 'spec.vmConfig.env[2].name', 'duplicate env'],
    [[{ name: 'A', valueFrom: 'HOST', value: 'x' }], 'spec.vmConfig.env[0].value', 'value may only be set when valueFrom is INLINE'],
  ])('vmConfig env %p: the first error only', (env, path, message) => {
    expect(check({ vmConfig: { env: [...env, { name: '' }] } })).toEqual([err(path, message)]);
  });

  test.each([
    [[null], 'spec.match[0]', 'spec.Match[0] is nil'],
    [[{ ports: [{ number: 80 }, null] }], 'spec.match[0].ports[1]', 'spec.Match[0].Ports[1] is nil'],
    [[{}, { ports: [{ number: 0 }, { number: 70000 }] }], 'spec.match[1].ports[0].number', 'spec.Match[1].Ports[0] is out of range: 0'],
  ])('match %p: the first error only', (match, path, message) => {
    expect(check({ match })).toEqual([err(path, message)]);
  });
});

describe('WasmPlugin end to end through validateObjects', () => {
  test('a valid plugin passes', () => {
    expect(validateObjects([object({ url, selector: { matchLabels: { app: 'api' } }, phase: 'AUTHN' })])).toEqual([]);
  });

  test('a plugin name of 200 two-byte characters passes the CRD maxLength and the webhook rejects it', () => {
    expect(validateObjects([object({ url, pluginName: 'é'.repeat(200) })])).toEqual([
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.pluginName', message: 'pluginName field must be less than 255 characters long' }),
    ]);
  });

  test('a url whose fragment has a bad escape passes the CEL url rule and the webhook rejects it', () => {
    const bad = 'https://example.com/a.wasm?v=1#%zz';
    expect(validateObjects([object({ url: bad })])).toEqual([
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.url', message: `failed to strict parse url: parse "${bad}": invalid URL escape "%zz"` }),
    ]);
  });
});
