import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { Construct } from 'constructs';
import { Host, SecureGateway, ServerTlsMode } from '../../src';

/**
 * HTTPS ingress for two services in two namespaces (shop and api), with HTTP redirected to HTTPS, and one
 * host whose TLS is passed through to the service (the seed's "Gateway" section: SIMPLE termination,
 * PASSTHROUGH by SNI; MUTUAL on a second gateway for internal clients, as in "Multiple Gateways").
 */
export class SecureGatewayChart extends Chart {
  public readonly publicGateway: SecureGateway;
  public readonly internalGateway: SecureGateway;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The services, as the app declares them.
    const web = new kplus.Service(this, 'Web', { metadata: { name: 'web', namespace: 'shop' }, ports: [{ port: 8080 }] });
    const api = new kplus.Service(this, 'Api', { metadata: { name: 'api-v1', namespace: 'api' }, ports: [{ port: 8080 }] });
    const legacy = new kplus.Service(this, 'Legacy', { metadata: { name: 'legacy', namespace: 'legacy' }, ports: [{ port: 8443 }] });

    // One certificate for both public hosts; each host is delegated to the namespace of its team.
    this.publicGateway = new SecureGateway(this, 'Public', {
      name: 'ingress-gateway',
      credentialName: 'example-com-cert',
      hosts: ['shop/example.com', 'api/api.example.com'],
    });
    this.publicGateway.addRoute({ host: 'example.com', service: Host.fromKubeService(web) });
    this.publicGateway.addRoute({ host: 'api.example.com', pathPrefix: '/v1', service: Host.fromKubeService(api), timeout: Duration.seconds(15) });
    // The legacy service terminates TLS itself: the gateway routes it by SNI.
    this.publicGateway.addPassthrough({ host: 'passthrough.example.com', service: Host.fromKubeService(legacy) });

    // Internal clients present certificates (MUTUAL) on their own gateway workload.
    this.internalGateway = new SecureGateway(this, 'Internal', {
      name: 'internal-gateway',
      credentialName: 'internal-mtls-cert',
      mode: ServerTlsMode.MUTUAL,
      selector: { istio: 'ingressgateway-internal' },
      hosts: ['api/internal.example.com'],
      routes: [{ host: 'internal.example.com', service: Host.fromKubeService(api) }],
    });
  }
}

/** The example's app. */
export function buildApp(app: App = new App()): App {
  new SecureGatewayChart(app, 'secure-gateway');
  return app;
}
