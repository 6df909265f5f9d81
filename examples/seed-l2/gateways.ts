import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { SeedImports } from './imports';
import { Gateway, Host, Protocol, ServerTlsMode, StringMatch, TlsProtocolVersion, VirtualService } from '../../src';

/** Seed section "Gateway". */
export class GatewayExamples extends Chart {
  /** The mesh's ingress gateway, which the VirtualService section binds routes to as well. */
  public readonly ingressGateway: Gateway;

  constructor(scope: Construct, id: string, imports: SeedImports) {
    super(scope, id);

    // Without a selector, a Gateway configures Istio's default ingress gateway (istio: ingressgateway).
    const ingress = new Gateway(this, 'ingress-gateway', { metadata: { name: 'ingress-gateway', namespace: 'istio-system' } });
    // Redirects to HTTPS, since the gateway has HTTPS servers.
    ingress.addHttpServer({ portName: 'http', hosts: ['example.com', '*.example.com'] });
    ingress.addHttpsServer({
      portName: 'https-default',
      hosts: ['example.com'],
      credentialName: 'example-com-cert',
      tls: {
        minProtocolVersion: TlsProtocolVersion.TLSV1_2,
        maxProtocolVersion: TlsProtocolVersion.TLSV1_3,
        cipherSuites: ['ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES256-GCM-SHA384'],
      },
    });
    ingress.addHttpsServer({
      portName: 'https-mtls',
      hosts: ['secure.example.com'],
      credentialName: 'secure-example-mtls-cert',
      tls: { mode: ServerTlsMode.MUTUAL, minProtocolVersion: TlsProtocolVersion.TLSV1_3 },
    });
    ingress.addServer({
      port: { number: 443, name: 'https-passthrough', protocol: Protocol.TLS },
      hosts: ['passthrough.example.com'],
      tls: { mode: ServerTlsMode.PASSTHROUGH },
    });
    ingress.addServer({ port: { number: 27017, name: 'mongo', protocol: Protocol.MONGO }, hosts: ['*'] });
    ingress.addServer({ port: { number: 3306, name: 'mysql', protocol: Protocol.TCP }, hosts: ['mysql.example.com'] });
    this.ingressGateway = ingress;

    // Bound to the gateway and to the mesh: the routes apply at the edge and between sidecars.
    new VirtualService(this, 'api-vs', {
      metadata: { name: 'api-vs' },
      hosts: [Host.fromName('api.example.com')],
      gateways: [ingress, Gateway.MESH],
      http: [{ match: [{ uri: StringMatch.prefix('/v1') }], route: [{ host: imports.apiV1, port: 8080 }] }],
    });

    const external = new Gateway(this, 'external-gateway', { metadata: { name: 'external-gateway', namespace: 'istio-system' } });
    external.addHttpsServer({ portName: 'https-external', hosts: ['api.example.com'], credentialName: 'external-cert' });

    const internal = new Gateway(this, 'internal-gateway', {
      metadata: { name: 'internal-gateway', namespace: 'istio-system' },
      selector: { istio: 'ingressgateway-internal' },
    });
    internal.addHttpsServer({
      portName: 'https-internal',
      hosts: ['internal.example.com'],
      credentialName: 'internal-mtls-cert',
      tls: { mode: ServerTlsMode.MUTUAL },
    });
  }
}
