import { App, Chart } from 'cdk8s';
import { DestinationRuleExamples } from './destination-rules';
import { GatewayExamples } from './gateways';
import { SeedImports } from './imports';
import { LoadBalancingExamples } from './load-balancing';
import { ServiceEntryExamples } from './service-entries';
import { SidecarExamples } from './sidecars';
import { TrafficSplittingExamples } from './traffic-splitting';
import { VirtualServiceExamples } from './virtual-services';

/** Adds one chart per section of the seed spec to the app; returns them in the spec's order. */
export function addSeedCharts(app: App): Chart[] {
  const imports = new SeedImports(app, 'imports');
  const destinationRules = new DestinationRuleExamples(app, 'destination-rule');
  const gateways = new GatewayExamples(app, 'gateway', imports);
  const virtualServices = new VirtualServiceExamples(app, 'virtual-service', {
    reviews: destinationRules.reviews,
    ingressGateway: gateways.ingressGateway,
    imports,
  });
  return [
    virtualServices,
    destinationRules,
    gateways,
    new ServiceEntryExamples(app, 'service-entry'),
    new SidecarExamples(app, 'sidecar'),
    new LoadBalancingExamples(app, 'load-balancing'),
    new TrafficSplittingExamples(app, 'traffic-splitting', imports),
  ];
}
