/** The resolution-specific checks of ValidateServiceEntry (the `switch serviceEntry.Resolution` of Istio's webhook). */
import { validateDNSEndpoint, validateStaticEndpoint } from './endpoints';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isWildcarded } from '../../hosts';
import { isSet, stringOf } from '../../json';
import { checkFQDN } from '../common/hosts';
import { isTCPProtocol, parseProtocol, Protocol } from '../common/ports';

/** What the resolution checks need from the ServiceEntry. */
export interface ResolutionContext {
  readonly spec: any;
  /** spec.resolution, NONE when absent. */
  readonly resolution: string;
  /** spec.location, MESH_EXTERNAL when absent. */
  readonly location: string;
  readonly hosts: readonly string[];
  readonly addresses: readonly string[];
  readonly endpoints: readonly any[];
  readonly ports: readonly any[];
  /** Names of the non-null service ports. */
  readonly servicePorts: ReadonlySet<string>;
  /** The `istio.io/use-waypoint` label names a waypoint. */
  readonly usesWaypoint: boolean;
}

/** Each endpoint (`path` is `spec.endpoints`) through `validate`, null ones reported. */
function eachEndpoint(path: FieldPath, findings: Findings, c: ResolutionContext, validate: typeof validateStaticEndpoint): void {
  c.endpoints.forEach((endpoint, i) => {
    if (!isSet(endpoint)) findings.error(path.index(i), 'endpoint cannot be nil');
    else validate(path.index(i), findings, endpoint, c.servicePorts);
  });
}

/** DNS and DNS_ROUND_ROBIN; `path` is the spec's (`spec`). */
function validateDNS(path: FieldPath, findings: Findings, c: ResolutionContext): void {
  if (c.endpoints.length === 0) {
    // Without endpoints the hosts are what gets resolved; Istio reports the first bad one only.
    const i = c.hosts.findIndex(h => checkFQDN(h));
    if (i >= 0) {
      findings.error(path.child('hosts').index(i),
        `hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode ${c.resolution}, ${checkFQDN(c.hosts[i])}`);
    }
  }
  if (c.resolution === 'DNS_ROUND_ROBIN' && c.endpoints.length > 1) {
    findings.error(path.child('endpoints'), `there must only be 0 or 1 endpoint for resolution mode ${c.resolution}`);
  }
  eachEndpoint(path.child('endpoints'), findings, c, validateDNSEndpoint);
  if (c.addresses.length === 0) return;
  for (let i = 0; i < c.ports.length; i++) {
    if (!isSet(c.ports[i])) {
      findings.error(path.child('ports').index(i), 'ports cannot be nil');
      continue;
    }
    if (isTCPProtocol(parseProtocol(stringOf(c.ports[i].protocol)))) {
      if (c.hosts.length > 1) {
        findings.warn(path.child('hosts'), 'service entry can not have more than one host specified simultaneously with address and tcp port');
      }
      break;
    }
  }
}

// DYNAMIC_DNS uses Envoy's dynamic forward proxy, which serves these protocols only.
const DYNAMIC_DNS_PROTOCOLS = [Protocol.HTTP, Protocol.TLS, Protocol.GRPC, Protocol.HTTP2];

function validateDynamicDNS(path: FieldPath, findings: Findings, c: ResolutionContext): void {
  const r = c.resolution;
  if (c.hosts.length === 0) findings.error(path.child('hosts'), `at least one wildcard host must be provided for resolution type ${r}`);
  c.hosts.forEach((host, i) => {
    if (!isWildcarded(host)) findings.error(path.child('hosts').index(i), `host must be wildcarded for resolution mode ${r}`);
  });
  if (c.addresses.length > 0) {
    findings.error(path.child('addresses'), `addresses cannot be set for resolution type ${r}. HTTP route domains will only be generatedfrom the hosts field values`);
  }
  if (c.endpoints.length > 0) {
    findings.error(path.child('endpoints'), `endpoints cannot be set for resolution type ${r}. Destination IP address determined from hostsfield values`);
  }
  c.ports.forEach((port, i) => {
    if (!isSet(port)) {
      findings.error(path.child('ports').index(i), 'port cannot be nil');
    } else if (!DYNAMIC_DNS_PROTOCOLS.includes(parseProtocol(stringOf(port.protocol)))) {
      findings.error(path.child('ports').index(i).child('protocol'), `only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type ${r}`);
    }
  });
  if (c.location !== 'MESH_EXTERNAL' && c.location !== 'MESH_INTERNAL') {
    findings.error(path.child('location'), `location must be MESH_EXTERNAL or MESH_INTERNAL for resolution type ${r}`);
  }
  if (c.location === 'MESH_INTERNAL' && c.usesWaypoint) {
    findings.error(path.child('location'), `location MESH_INTERNAL with resolution type ${r} is not supported when using waypoints`);
  }
}

/** The checks of the ServiceEntry's resolution mode; `path` is the spec's (`spec`). */
export function validateResolution(path: FieldPath, findings: Findings, c: ResolutionContext): void {
  switch (c.resolution) {
    case 'NONE':
      if (c.endpoints.length > 0) findings.error(path.child('endpoints'), 'no endpoints should be provided for resolution type none');
      if (isSet(c.spec.workloadSelector)) findings.warn(path.child('workloadSelector'), 'workloadSelector should not be set when resolution mode is NONE');
      break;
    case 'STATIC':
      eachEndpoint(path.child('endpoints'), findings, c, validateStaticEndpoint);
      break;
    case 'DNS':
    case 'DNS_ROUND_ROBIN':
      validateDNS(path, findings, c);
      break;
    case 'DYNAMIC_DNS':
      validateDynamicDNS(path, findings, c);
      break;
    default:
      // Istio prints the enum's registered name: '' for a value it does not know.
      findings.error(path.child('resolution'), 'unsupported resolution type ');
  }
}
