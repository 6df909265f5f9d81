import { validateObjects } from '../../../../src/validation/validate';
import { sidecar, webhookFindings } from '../../../support/objects';

/** The webhook's findings for the Sidecar `bookinfo/default` with this outbound traffic policy. */
function check(outboundTrafficPolicy: any) {
  return webhookFindings(sidecar('default', { outboundTrafficPolicy }, 'bookinfo'));
}

const at = 'spec.outboundTrafficPolicy.egressProxy';
const proxy = (over: any = {}) => ({ mode: 'ALLOW_ANY', egressProxy: { host: 'proxy.example.com', port: { number: 3128 }, ...over } });

describe('validateSidecarOutboundTrafficPolicy', () => {
  test.each([[{ mode: 'ALLOW_ANY' }], [{ mode: 'REGISTRY_ONLY' }], [{}]])('a policy without egress proxy is valid (%p)', (policy) => {
    expect(check(policy)).toEqual([]);
  });

  test('an egress proxy with ALLOW_ANY, an FQDN host and a port is valid', () => {
    expect(check(proxy())).toEqual([]);
    expect(check(proxy({ subset: 'v1' }))).toEqual([]);
  });

  test.each([[{ mode: 'REGISTRY_ONLY' }], [{}]])('an egress proxy without ALLOW_ANY is an error, alone (mode %p)', (mode) => {
    expect(check({ ...mode, egressProxy: { host: 'proxy', port: { number: 0 } } })).toEqual([
      { path: at, message: 'sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode' },
    ]);
  });

  test('the host must be an FQDN (and a valid destination host)', () => {
    expect(check(proxy({ host: 'proxy_1.example.com' }))).toEqual([
      { path: `${at}.host`, message: 'domain name "proxy_1.example.com" invalid (label "proxy_1" invalid)' },
      { path: `${at}.host`, message: 'domain name "proxy_1.example.com" invalid (label "proxy_1" invalid)' },
    ]);
    expect(check(proxy({ host: '*' }))).toEqual([
      { path: `${at}.host`, message: 'domain name "*" invalid (label "*" invalid)' },
      { path: `${at}.host`, message: 'invalid destination host *' },
    ]);
  });

  test('a missing port is an error', () => {
    expect(check({ mode: 'ALLOW_ANY', egressProxy: { host: 'proxy.example.com' } })).toEqual([
      { path: `${at}.port`, message: 'sidecar: egress_proxy port must be non-nil' },
    ]);
  });

  test('the port must be in range and the subset a DNS label', () => {
    expect(check(proxy({ port: {}, subset: 'v1.0' }))).toEqual([
      { path: `${at}.subset`, message: 'subset name is invalid: v1.0' },
      { path: `${at}.port.number`, message: 'port number 0 must be in the range 1..65535' },
    ]);
  });

  test('end to end: the default mode is REGISTRY_ONLY', () => {
    const object = sidecar('default', { outboundTrafficPolicy: { egressProxy: { host: 'proxy.example.com', port: { number: 3128 } } } }, 'bookinfo');
    expect(validateObjects([object])).toEqual([expect.objectContaining({
      severity: 'error', path: at, message: 'sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode',
    })]);
  });
});
