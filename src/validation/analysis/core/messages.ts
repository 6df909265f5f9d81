/**
 * The message types the analyzers report: istioctl's (code, level and template copied from
 * `analyzer-messages-1.30.3.yaml`, checked against it by a test) and our own CI1xxx ones
 * (documented in ../README.md).
 */
import { Severity } from '../../diagnostic';

/** A kind of finding: its code, level and Go-style message template. */
export interface MessageType {
  readonly code: string;
  /** istioctl's name of the message (`ReferencedResourceNotFound`), or ours for CI1xxx. */
  readonly name: string;
  readonly level: Severity;
  readonly template: string;
}

function type(code: string, name: string, level: Severity, template: string): MessageType {
  return { code, name, level, template };
}

const { ERROR, WARNING, INFO } = Severity;

/** istioctl analyze's messages, as Istio 1.30.3 defines them. */
export const IstioMessages = {
  Deprecated: type('IST0002', 'Deprecated', WARNING, 'Deprecated: %s'),
  ReferencedResourceNotFound: type('IST0101', 'ReferencedResourceNotFound', ERROR, 'Referenced %s not found: %q'),
  ConflictingMeshGatewayVirtualServiceHosts: type('IST0109', 'ConflictingMeshGatewayVirtualServiceHosts', ERROR,
    'The VirtualServices %s associated with mesh gateway define the same host %s which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.'),
  ConflictingSidecarWorkloadSelectors: type('IST0110', 'ConflictingSidecarWorkloadSelectors', ERROR,
    'The Sidecars %v in namespace %q select the same workload pod %q, which can lead to undefined behavior.'),
  MultipleSidecarsWithoutWorkloadSelectors: type('IST0111', 'MultipleSidecarsWithoutWorkloadSelectors', ERROR,
    'The Sidecars %v in namespace %q have no workload selector, which can lead to undefined behavior.'),
  VirtualServiceDestinationPortSelectorRequired: type('IST0112', 'VirtualServiceDestinationPortSelectorRequired', ERROR,
    'This VirtualService routes to a service %q that exposes multiple ports %v. Specifying a port in the destination is required to disambiguate.'),
  NoServerCertificateVerificationDestinationLevel: type('IST0128', 'NoServerCertificateVerificationDestinationLevel', WARNING,
    'DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate server identity for host: %s'),
  NoServerCertificateVerificationPortLevel: type('IST0129', 'NoServerCertificateVerificationPortLevel', WARNING,
    'DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate server identity for host: %s at port %s'),
  VirtualServiceUnreachableRule: type('IST0130', 'VirtualServiceUnreachableRule', WARNING, 'VirtualService rule %v not used (%s).'),
  VirtualServiceIneffectiveMatch: type('IST0131', 'VirtualServiceIneffectiveMatch', INFO,
    'VirtualService rule %v match %v is not used (duplicate/overlapping match in rule %v).'),
  VirtualServiceHostNotFoundInGateway: type('IST0132', 'VirtualServiceHostNotFoundInGateway', WARNING,
    'one or more host %v defined in VirtualService %s not found in Gateway %s.'),
  ServiceEntryAddressesRequired: type('IST0134', 'ServiceEntryAddressesRequired', WARNING, 'ServiceEntry addresses are required for this protocol.'),
  GatewayDuplicateCertificate: type('IST0138', 'GatewayDuplicateCertificate', WARNING,
    'Duplicate certificate in multiple gateways %v may cause 404s if clients re-use HTTP2 connections.'),
  IngressRouteRulesNotAffected: type('IST0140', 'IngressRouteRulesNotAffected', WARNING,
    'Subset in virtual service %s has no effect on ingress gateway %s requests'),
  ConflictingGateways: type('IST0145', 'ConflictingGateways', ERROR, 'Conflict with gateways %s (workload selector %s, port %s, hosts %v).'),
  ReferencedInternalGateway: type('IST0165', 'ReferencedInternalGateway', WARNING,
    'Gateway reference in VirtualService %s is to an implementation-generated internal Gateway: %s.'),
  IneffectivePolicy: type('IST0167', 'IneffectivePolicy', WARNING, 'The policy has no impact: %s.'),
  DestinationRuleSubsetNotSelectPods: type('IST0173', 'DestinationRuleSubsetNotSelectPods', ERROR,
    'The Subset %s defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).'),
  UnknownDestinationRuleHost: type('IST0174', 'UnknownDestinationRuleHost', WARNING,
    'The host %s defined in the DestinationRule does not match any services in the mesh.'),
} as const;

/** Our own checks, for what istioctl does not analyze (see ../README.md for why each exists). */
export const OwnMessages = {
  UnknownDestinationHost: type('CI1001', 'UnknownDestinationHost', WARNING, '%s'),
  WeightsNotHundred: type('CI1002', 'WeightsNotHundred', INFO,
    'destination weights add up to %d, not 100; Istio scales them proportionally (each destination gets weight/%d of the traffic)'),
  RetriesWithoutTimeout: type('CI1003', 'RetriesWithoutTimeout', INFO,
    'retries are set but the route has no timeout, so a request has no overall deadline (Istio sets none by default); set timeout'),
  DelegateNotFound: type('CI1004', 'DelegateNotFound', ERROR, 'Referenced delegate VirtualService not found: %q; Istio ignores this HTTP route'),
  DelegateNotUsable: type('CI1005', 'DelegateNotUsable', ERROR, 'delegate VirtualService %q %s; Istio ignores this HTTP route'),
  DelegateNotExported: type('CI1006', 'DelegateNotExported', ERROR,
    'delegate VirtualService %q is not exported to namespace %q (exportTo %v); Istio ignores this HTTP route'),
  DuplicateObject: type('CI1007', 'DuplicateObject', ERROR,
    '%s %s is defined more than once; applied together, the last one replaces the others. Give each a distinct name, or keep one'),
} as const;

/**
 * The opt-in best-practice checks (CI2xxx), one per best practice of the product spec a tool can
 * decide (listed in ../README.md). Run only when asked for.
 */
export const BestPracticeMessages = {
  RouteWithoutTimeout: type('CI2001', 'RouteWithoutTimeout', WARNING,
    'the route has no timeout, so a slow destination holds the caller without limit (Istio sets no route timeout by default); set timeout'),
  RetriesExceedTimeout: type('CI2002', 'RetriesExceedTimeout', WARNING,
    '%d tries (the first try and %d retries, each up to perTryTimeout %s) take up to %s, more than the route timeout %s: the last retries never run; lower attempts or perTryTimeout, or raise timeout'),
  NoOutlierDetection: type('CI2003', 'NoOutlierDetection', WARNING,
    'subsets %v get no outlierDetection (from the rule or their own trafficPolicy): endpoints that keep failing stay in the load balancing pool; set trafficPolicy.outlierDetection'),
  NoConnectionPool: type('CI2004', 'NoConnectionPool', INFO,
    'subsets %v get no connectionPool (from the rule or their own trafficPolicy): the proxy applies Envoy\'s defaults (1024 connections, pending and concurrent requests), not limits sized from the service\'s capacity; set trafficPolicy.connectionPool'),
  MeshTlsNotIstioMutual: type('CI2005', 'MeshTlsNotIstioMutual', WARNING,
    'TLS mode %s towards the mesh-internal host %q replaces Istio\'s mutual TLS; use ISTIO_MUTUAL (or leave tls unset: the mesh uses mutual TLS automatically)'),
  ServiceEntryExportedToAll: type('CI2006', 'ServiceEntryExportedToAll', WARNING,
    'the ServiceEntry is visible in every namespace (%s); list the namespaces that call %s in exportTo ("." for its own)'),
  NamespaceWithoutSidecar: type('CI2007', 'NamespaceWithoutSidecar', INFO,
    'namespace %q has workloads but no Sidecar, so each proxy gets the configuration of every service in the mesh; add a Sidecar whose egress lists the hosts the namespace calls (e.g. "./*", "istio-system/*")'),
  FaultOnAllTraffic: type('CI2008', 'FaultOnAllTraffic', WARNING,
    'the route injects a %s fault into 100%% of its requests and has no match, so every request to the host gets it; add a match (e.g. a test header) or a percentage below 100'),
} as const;
