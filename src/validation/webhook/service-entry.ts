/**
 * Istio's webhook rules for ServiceEntry (ValidateServiceEntry in istio/pkg/config/validation). A missing
 * resolution is NONE, a missing location MESH_EXTERNAL.
 */
import { goQuote } from '../../go/format';
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isSet, listOf, numberOf, stringItems, stringMap, stringOf } from '../json';
import { validateExportTo } from './common/export-to';
import { checkIPSubnet, checkPartialWildcard, checkWildcardDomain } from './common/hosts';
import { validateAlphaWorkloadSelector } from './common/labels';
import { checkPort, checkPortName, checkProtocol, isHTTPProtocol, isTLSProtocol, parseProtocol } from './common/ports';
import { validateResolution } from './service-entry/resolution';
import { KindValidator, WebhookObject } from './types';

/** ShouldV2AutoAllocateIPFromConfig: istiod assigns a VIP (PILOT_ENABLE_IP_AUTOALLOCATE, on by default). */
function autoAllocatesIP(obj: WebhookObject, resolution: string, addresses: readonly string[]): boolean {
  const optOut = stringMap(obj.metadata.labels)['networking.istio.io/enable-autoallocate-ip'];
  return resolution !== 'NONE' && (optOut ?? '').toLowerCase() !== 'false' && addresses.length === 0;
}

/** usesWaypoint: the `istio.io/use-waypoint` label names a waypoint (not '' or 'none'). */
function usesWaypoint(obj: WebhookObject): boolean {
  const waypoint = stringMap(obj.metadata.labels)['istio.io/use-waypoint'];
  return typeof waypoint === 'string' && waypoint !== '' && waypoint.toLowerCase() !== 'none';
}

const SPEC = FieldPath.at('spec');

/** The service ports (`path` is `spec.ports`): duplicates, target ports, names, protocols, numbers. Returns the port names. */
function validatePorts(path: FieldPath, findings: Findings, ports: readonly any[], addressesOrAutoAllocated: boolean): Set<string> {
  const names = new Set<string>();
  const numbers = new Set<number>();
  ports.forEach((port, i) => {
    const at = path.index(i);
    if (!isSet(port)) {
      findings.error(at, 'service entry port may not be null');
      return;
    }
    const name = stringOf(port.name);
    const number = numberOf(port.number);
    const protocol = stringOf(port.protocol);
    if (names.has(name)) findings.error(at.child('name'), `service entry port name ${goQuote(name)} already defined`);
    names.add(name);
    if (numbers.has(number)) findings.error(at.child('number'), `service entry port ${number} already defined`);
    numbers.add(number);
    if (typeof port.targetPort === 'number' && port.targetPort !== 0) findings.errorIfAny(at.child('targetPort'), checkPort(port.targetPort));
    if (!addressesOrAutoAllocated && (protocol === '' || protocol === 'TCP')) {
      findings.warn(at, 'addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled');
    }
    findings.errorIfAny(at.child('name'), checkPortName(name));
    findings.errorIfAny(at.child('protocol'), checkProtocol(protocol));
    findings.errorIfAny(at.child('number'), checkPort(number));
  });
  return names;
}

export const validateServiceEntry: KindValidator = (obj, findings) => {
  const spec = obj.spec;
  if (!validateAlphaWorkloadSelector(SPEC.child('workloadSelector'), findings, spec.workloadSelector, 'service entry')) return;

  const resolution = typeof spec.resolution === 'string' ? spec.resolution : 'NONE';
  const hosts = stringItems(spec.hosts);
  const addresses = stringItems(spec.addresses);
  const endpoints = listOf(spec.endpoints);
  const ports: any[] = listOf(spec.ports);

  if (isSet(spec.workloadSelector) && endpoints.length > 0) {
    findings.error(SPEC, 'only one of WorkloadSelector or Endpoints is allowed in Service Entry');
  }
  if (hosts.length === 0) findings.error(SPEC.child('hosts'), 'service entry must have at least one host');
  hosts.forEach((host, i) => {
    const at = SPEC.child('hosts').index(i);
    if (host === '*') {
      findings.error(at, `invalid host ${host}`);
      return;
    }
    findings.errorIfAny(at, checkWildcardDomain(host));
    // DYNAMIC_DNS resolves whatever the wildcard matches, so partial wildcards are fine there.
    const partial = resolution === 'DYNAMIC_DNS' ? undefined : checkPartialWildcard(host);
    if (partial) findings.warn(at, partial);
  });

  addresses.forEach((address, i) => findings.errorIfAny(SPEC.child('addresses').index(i), checkIPSubnet(address)));
  if (addresses.some(a => a.includes('/')) && resolution !== 'NONE' && resolution !== 'STATIC') {
    findings.error(SPEC.child('addresses'), 'CIDR addresses are allowed only for NONE/STATIC resolution types');
  }

  const servicePorts = validatePorts(SPEC.child('ports'), findings, ports, addresses.length > 0 || autoAllocatesIP(obj, resolution, addresses));
  validateResolution(SPEC, findings, {
    spec,
    resolution,
    location: typeof spec.location === 'string' ? spec.location : 'MESH_EXTERNAL',
    hosts,
    addresses,
    endpoints,
    ports,
    servicePorts,
    usesWaypoint: usesWaypoint(obj),
  });

  // Plain TCP cannot tell hosts apart (HTTP has the authority, TLS the SNI), unless hosts are ignored (NONE).
  if (resolution !== 'NONE' && hosts.length > 1) {
    for (let i = 0; i < ports.length; i++) {
      if (!isSet(ports[i])) {
        findings.error(SPEC.child('ports').index(i), 'ports cannot be nil');
        continue;
      }
      const protocol = parseProtocol(stringOf(ports[i].protocol));
      if (!isHTTPProtocol(protocol) && !isTLSProtocol(protocol)) {
        findings.error(SPEC.child('ports').index(i).child('protocol'), 'multiple hosts provided with non-HTTP, non-TLS ports');
        break;
      }
    }
  }

  validateExportTo(SPEC.child('exportTo'), findings, obj.namespace, spec.exportTo, { isServiceEntry: true });
};
