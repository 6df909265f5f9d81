import { installSynthValidation } from './validation/synth-hook';

// L1: classes generated from Istio's CRDs by `npx projen import`, one jsii submodule per API group.
export * as networking from './imports/networking.istio.io';
export * as security from './imports/security.istio.io';
export * as telemetry from './imports/telemetry.istio.io';
export * as extensions from './imports/extensions.istio.io';

export * from './validation';

// L2: what every resource shares.
export * from './host';
export * from './references';
export * from './resource';
export * from './string-match';

// L2: DestinationRule and traffic policies.
export * from './client-tls';
export * from './connection-pool';
export * from './destination-rule';
export * from './load-balancer';
export * from './outlier-detection';
export * from './traffic-policy';

// L2: Gateway and ServiceEntry.
export * from './gateway';
export * from './port';
export * from './server-tls';
export * from './service-entry';

// L2: VirtualService.
export * from './cors';
export * from './destination';
export * from './fault';
export * from './headers';
export * from './http-match';
export * from './http-route';
export * from './redirect';
export * from './retries';
export * from './tcp-route';
export * from './tls-route';
export * from './virtual-service';

// L2: Sidecar.
export * from './sidecar';

// L2 patterns: what they share.
export * from './patterns/fault-injection';
export * from './patterns/resilience-profile';
export * from './patterns/service-version';

// L2 patterns: canary and blue-green.
export * from './patterns/blue-green-service';
export * from './patterns/canary-service';
export * from './patterns/versioned-service';

// L2 patterns: A/B tests and header routing.
export * from './patterns/ab-test';
export * from './patterns/header-routing';

// L2 patterns: external APIs and egress lockdown.
export * from './patterns/egress-lockdown';
export * from './patterns/external-api';
export * from './patterns/external-database';

// L2 patterns: secure gateway and resilient service.
export * from './patterns/resilient-service';
export * from './patterns/secure-gateway';

// Route simulator.
export * from './simulate';

// cdk8s-cli validation plugin (`class: IstioValidationPlugin` in an app's cdk8s.yaml).
export * from './plugin';

// Every Istio object is validated when a cdk8s app or chart synthesizes (IstioValidation.disable opts out).
installSynthValidation();
