import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { EgressLockdown, ExternalApi } from '../../src';

/**
 * The namespace shop locked down (seed section "Sidecar Resource", namespace-default): its workloads
 * reach shop's own services, istio-system's, and one external API, declared by the platform team in
 * the namespace egress and exported to shop; anything else is refused (REGISTRY_ONLY).
 */
export class EgressLockdownChart extends Chart {
  public readonly payments: ExternalApi;
  public readonly lockdown: EgressLockdown;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.payments = new ExternalApi(this, 'Payments', { host: 'api.payments.example.com', namespace: 'egress', exportTo: ['.', 'shop'] });
    this.lockdown = new EgressLockdown(this, 'Shop', { namespace: 'shop', allowedHosts: this.payments.egressHosts });
  }
}
