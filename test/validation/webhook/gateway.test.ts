import { validateObjects } from '../../../src/validation/validate';
import { gateway, webhookFindings } from '../../support/objects';

/** The webhook's findings for a Gateway in `default` named `name`. */
const check = (spec: any, name = 'gw', annotations?: Record<string, string>) =>
  webhookFindings(gateway(name, spec, { namespace: 'default', annotations }));

const httpServer = (name = 'http') => ({ port: { number: 80, name, protocol: 'HTTP' }, hosts: ['*.example.com'] });
const tcpServer = (tls?: any) => ({ port: { number: 31400, name: 'tcp', protocol: 'TCP' }, hosts: ['*'], ...(tls ? { tls } : {}) });

describe('ValidateGateway', () => {
  test('a valid gateway has no findings', () => {
    expect(check({ servers: [httpServer()] })).toEqual([]);
  });

  describe('gateway name', () => {
    test('a DNS-1123 label is valid', () => {
      expect(check({ servers: [httpServer()] }, 'my-gateway')).toEqual([]);
    });

    test('a name with dots is rejected', () => {
      expect(check({ servers: [httpServer()] }, 'my.gateway'))
        .toEqual([{ path: 'metadata.name', message: 'invalid gateway name: "my.gateway"' }]);
    });

    test('Gateway API semantics lift the rule', () => {
      expect(check({ servers: [httpServer()] }, 'my.gateway', { 'internal.istio.io/gateway-semantics': 'gateway' })).toEqual([]);
    });

    test('a name the API server will generate is not judged', () => {
      const generated = { ...gateway('', { servers: [httpServer()] }), metadata: { generateName: 'gw-', namespace: 'default' } };
      expect(webhookFindings(generated)).toEqual([]);
    });
  });

  describe('servers', () => {
    test.each([[{}], [{ servers: [] }]])('no server is an error (%p)', (spec) => {
      expect(check(spec)).toEqual([{ path: 'spec.servers', message: 'gateway must have at least one server' }]);
    });

    test('a null server is reported by validateServer and by the port-name loop', () => {
      expect(check({ servers: [httpServer(), null] })).toEqual([
        { path: 'spec.servers[1]', message: 'cannot have nil server' },
        { path: 'spec.servers[1]', message: 'server may not be nil' },
      ]);
    });
  });

  describe('port names', () => {
    test('distinct port names are valid', () => {
      expect(check({ servers: [httpServer('a'), httpServer('b')] })).toEqual([]);
    });

    test('a repeated port name is an error, after all the server checks', () => {
      const spec = { servers: [httpServer('web'), { ...httpServer('web'), hosts: [] }] };
      expect(check(spec)).toEqual([
        { path: 'spec.servers[1].hosts', message: 'server config must contain at least one host' },
        { path: 'spec.servers[1].port.name', message: 'port names in servers must be unique: duplicate name web' },
      ]);
    });
  });

  describe('tls.httpsRedirect', () => {
    test('on an HTTP server it is valid', () => {
      expect(check({ servers: [{ ...httpServer(), tls: { httpsRedirect: true } }] })).toEqual([]);
    });

    test('on a non-HTTP server it is a warning', () => {
      const findings = check({ servers: [tcpServer({ httpsRedirect: true })] });
      expect(findings).toContainEqual({
        path: 'spec.servers[0].tls.httpsRedirect', message: 'tls.httpsRedirect should only be used with http servers', warning: true,
      });
    });
  });
});

describe('Gateway end to end through validateObjects', () => {
  const object = (name: string, servers: unknown[]) => gateway(name, { selector: { istio: 'ingressgateway' }, servers }, 'istio-system');

  test('a valid HTTPS gateway passes', () => {
    const servers = [
      { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['bookinfo/*.example.com'], tls: { mode: 'SIMPLE', credentialName: 'example-cert' } },
      { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['bookinfo/*.example.com'], tls: { httpsRedirect: true } },
    ];
    expect(validateObjects([object('ingress', servers)])).toEqual([]);
  });

  test('webhook errors are IST0106 errors; a denial drops the warnings', () => {
    const servers = [
      { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['bookinfo'] },
      { port: { number: 31400, name: 'tcp', protocol: 'TCP' }, hosts: ['*'], tls: { httpsRedirect: true } },
    ];
    expect(validateObjects([object('my.ingress', servers)])).toEqual([
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'metadata.name', message: 'invalid gateway name: "my.ingress"' }),
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.servers[0].hosts[0]', message: 'short names (non FQDN) are not allowed' }),
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.servers[0].tls', message: 'server must have TLS settings for HTTPS/TLS protocols' }),
      expect.objectContaining({ severity: 'error', code: 'IST0106', path: 'spec.servers[1].tls', message: 'server cannot have TLS settings for non HTTPS/TLS ports' }),
    ]);
  });

  test('an admitted Gateway keeps its webhook warnings as IST0133', () => {
    const servers = [{ port: { number: 8443, name: 'tls-passthrough', protocol: 'TLS' }, hosts: ['*'], tls: { mode: 'PASSTHROUGH', httpsRedirect: true } }];
    expect(validateObjects([object('ingress', servers)])).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'IST0133', path: 'spec.servers[0].tls.httpsRedirect', message: 'tls.httpsRedirect should only be used with http servers' }),
    ]);
  });

  test('credentialName with a certificate pair passes the CRD rules but not the webhook', () => {
    const servers = [{
      port: { number: 443, name: 'https', protocol: 'HTTPS' },
      hosts: ['*'],
      tls: { mode: 'SIMPLE', credentialName: 'cert', serverCertificate: '/etc/cert.pem', privateKey: '/etc/key.pem' },
    }];
    expect(validateObjects([object('ingress', servers)])).toEqual([expect.objectContaining({
      severity: 'error',
      path: 'spec.servers[0].tls',
      message: 'only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified',
    })]);
  });
});
