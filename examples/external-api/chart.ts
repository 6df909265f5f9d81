import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ExternalApi } from '../../src';

/**
 * An external HTTPS API twice: payments called directly, the sidecar opening verified TLS; and a
 * partner API through the mesh's egress gateway, which opens the TLS (Istio's "Egress Gateways with
 * TLS Origination"). The applications call both in plain HTTP on port 80.
 */
export class ExternalApiChart extends Chart {
  public readonly payments: ExternalApi;
  public readonly partner: ExternalApi;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.payments = new ExternalApi(this, 'Payments', { host: 'api.payments.example.com', namespace: 'shop' });
    this.partner = new ExternalApi(this, 'Partner', { host: 'api.partner.example.com', namespace: 'shop', egressGateway: {} });
  }
}
