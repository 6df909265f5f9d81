import { validateObjects } from '../../../src/validation/validate';
import { validateTrafficExtension } from '../../../src/validation/webhook/traffic-extension';
import { collect, err, trafficExtension, warn, webhookView } from '../../support/objects';

/** The TrafficExtension `apps/ext` with this spec. */
const object = (spec: any) => trafficExtension('ext', spec, 'apps');
const check = (spec: any) => collect(findings => validateTrafficExtension(webhookView(object(spec)), findings));
const lua = { inlineCode: 'function envoy_on_request(h) end' };
const wasm = { url: 'oci://ghcr.io/acme/ext:1.0' };

describe('ValidateTrafficExtension', () => {
  test.each([
    [{ lua }],
    [{ wasm: { ...wasm, sha256: 'f'.repeat(64), imagePullSecret: 's', pluginName: 'p', vmConfig: { env: [{ name: 'A', value: 'b' }] } } }],
    [{ lua, selector: { matchLabels: { app: 'api' } }, match: [{ ports: [{ number: 80 }] }] }],
    [{ wasm, targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'gw' }] }],
  ])('a valid extension has no findings (%p)', (spec) => {
    expect(check(spec)).toEqual([]);
  });

  test.each([[{}], [{ lua, wasm }]])('exactly one of wasm or lua (%p)', (spec) => {
    expect(check(spec)).toEqual([err('spec', 'exactly one of wasm or lua must be set')]);
  });

  test('targets: selector and targetRefs (the kind has no targetRef)', () => {
    expect(check({ lua, selector: {}, targetRefs: [{ kind: 'Service', name: '' }] })).toEqual([
      err('spec', 'only one of targetRefs or workloadSelector can be set'),
      warn('spec.selector', 'workload selector specified without labels'),
      err('spec.targetRefs[0].name', 'targetRef name must be set'),
    ]);
    expect(check({ lua, targetRef: { kind: 'Pod', name: 'p' } })).toEqual([]);
  });

  test('lua: inline code of 1 byte to 64 KiB (bytes, not characters)', () => {
    expect(check({ lua: { inlineCode: '' } })).toEqual([err('spec.lua.inlineCode', 'lua.inlineCode cannot be empty')]);
    expect(check({ lua: { inlineCode: 'x'.repeat(65536) } })).toEqual([]);
    expect(check({ lua: { inlineCode: `-- ${'é'.repeat(32767)}` } })).toEqual([err('spec.lua.inlineCode', 'lua.inlineCode exceeds maximum size of 64KB')]);
  });

  test('wasm: url, sha256, pull secret, plugin name (256 bytes, message says 256), env', () => {
    expect(check({
      wasm: {
        url: 'ftp://h/x.wasm',
        sha256: 'abc',
        imagePullSecret: 'é'.repeat(127),
        pluginName: 'é'.repeat(129),
        vmConfig: { env: [{ name: 'A' }, { name: 'A' }] },
      },
    })).toEqual([
      err('spec.wasm.url', 'url contains unsupported scheme: ftp'),
      err('spec.wasm.sha256', 'sha256 field must be 64 characters long'),
      err('spec.wasm.imagePullSecret', 'imagePullSecret field must be less than 253 characters long'),
      err('spec.wasm.pluginName', 'pluginName field must be less than 256 characters long'),
      err('spec.wasm.vmConfig.env[1].name', 'duplicate env'),
    ]);
    expect(check({ wasm: { url: '' } })).toEqual([err('spec.wasm.url', 'url field needs to be set')]);
  });

  test('match: the first nil selector, nil port or port out of range', () => {
    expect(check({ lua, match: [{ ports: [{ number: 65536 }] }, null] })).toEqual([
      err('spec.match[0].ports[0].number', 'spec.Match[0].Ports[0] is out of range: 65536'),
    ]);
    expect(check({ lua, match: [{}, null] })).toEqual([err('spec.match[1]', 'spec.Match[1] is nil')]);
  });
});

describe('TrafficExtension end to end through validateObjects', () => {
  test('a valid extension passes', () => {
    expect(validateObjects([object({ lua, phase: 'AUTHN' })])).toEqual([]);
  });

  test('inline code within the CRD maxLength (characters) but over 64 KiB of bytes is rejected by the webhook', () => {
    expect(validateObjects([object({ lua: { inlineCode: 'é'.repeat(40000) } })])).toEqual([
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.lua.inlineCode', message: 'lua.inlineCode exceeds maximum size of 64KB' }),
    ]);
  });
});
