/**
 * Istio's webhook rules for ServiceEntry (ValidateServiceEntry in istio/pkg/config/validation). A missing
 * resolution is NONE, a missing location MESH_EXTERNAL.
 */
import { isSet, listOf, numberOf, stringMap } from '../json';
import { validateExportTo } from './common/export-to';
import { validateIPSubnet, validatePartialWildcard, validateWildcardDomain } from './common/hosts';
import { checkAlphaWorkloadSelector } from './common/labels';
import { isHTTPProtocol, isTLSProtocol, parseProtocol, validatePort, validatePortName, validateProtocol } from './common/ports';
import { validateResolution } from './service-entry/resolution';
import { Findings, KindValidator, WebhookObject } from './types';
import { goQuote } from '../../go/format';

const strings = (value: unknown): string[] => Array.isArray(value) ? value.map(v => String(v ?? '')) : [];

/** ShouldV2AutoAllocateIPFromConfig: istiod assigns a VIP (PILOT_ENABLE_IP_AUTOALLOCATE, on by default). */
function autoAllocatesIP(obj: WebhookObject, resolution: string, addresses: readonly string[]): boolean {
  const optOut = stringMap(obj.metadata.labels)['networking.istio.io/enable-autoallocate-ip'];
  return resolution !== 'NONE' && String(optOut ?? '').toLowerCase() !== 'false' && addresses.length === 0;
}

/** usesWaypoint: the `istio.io/use-waypoint` label names a waypoint (not '' or 'none'). */
function usesWaypoint(obj: WebhookObject): boolean {
  const waypoint = stringMap(obj.metadata.labels)['istio.io/use-waypoint'];
  return typeof waypoint === 'string' && waypoint !== '' && waypoint.toLowerCase() !== 'none';
}

/** The service ports: duplicates, target ports, names, protocols, numbers. Returns the port names. */
function validatePorts(f: Findings, ports: readonly any[], addressesOrAutoAllocated: boolean): Set<string> {
  const names = new Set<string>();
  const numbers = new Set<number>();
  ports.forEach((port, i) => {
    const path = `spec.ports[${i}]`;
    if (!isSet(port)) {
      f.error(path, 'service entry port may not be null');
      return;
    }
    const name = String(port.name ?? '');
    const number = numberOf(port.number);
    const protocol = String(port.protocol ?? '');
    if (names.has(name)) f.error(`${path}.name`, `service entry port name ${goQuote(name)} already defined`);
    names.add(name);
    if (numbers.has(number)) f.error(`${path}.number`, `service entry port ${number} already defined`);
    numbers.add(number);
    if (typeof port.targetPort === 'number' && port.targetPort !== 0) {
      const targetError = validatePort(port.targetPort);
      if (targetError) f.error(`${path}.targetPort`, targetError);
    }
    if (!addressesOrAutoAllocated && (protocol === '' || protocol === 'TCP')) {
      f.warn(path, 'addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled');
    }
    const nameError = validatePortName(name);
    if (nameError) f.error(`${path}.name`, nameError);
    const protocolError = validateProtocol(protocol);
    if (protocolError) f.error(`${path}.protocol`, protocolError);
    const numberError = validatePort(number);
    if (numberError) f.error(`${path}.number`, numberError);
  });
  return names;
}

export const validateServiceEntry: KindValidator = obj => {
  const f = new Findings();
  const spec = obj.spec;
  if (!checkAlphaWorkloadSelector(f, spec.workloadSelector, 'service entry')) return f.list;

  const resolution = typeof spec.resolution === 'string' ? spec.resolution : 'NONE';
  const hosts = strings(spec.hosts);
  const addresses = strings(spec.addresses);
  const endpoints = listOf(spec.endpoints);
  const ports: any[] = listOf(spec.ports);

  if (isSet(spec.workloadSelector) && endpoints.length > 0) {
    f.error('spec', 'only one of WorkloadSelector or Endpoints is allowed in Service Entry');
  }
  if (hosts.length === 0) f.error('spec.hosts', 'service entry must have at least one host');
  hosts.forEach((host, i) => {
    if (host === '*') {
      f.error(`spec.hosts[${i}]`, `invalid host ${host}`);
      return;
    }
    const hostError = validateWildcardDomain(host);
    if (hostError) f.error(`spec.hosts[${i}]`, hostError);
    // DYNAMIC_DNS resolves whatever the wildcard matches, so partial wildcards are fine there.
    const partial = resolution === 'DYNAMIC_DNS' ? undefined : validatePartialWildcard(host);
    if (partial) f.warn(`spec.hosts[${i}]`, partial);
  });

  addresses.forEach((address, i) => {
    const addressError = validateIPSubnet(address);
    if (addressError) f.error(`spec.addresses[${i}]`, addressError);
  });
  if (addresses.some(a => a.includes('/')) && resolution !== 'NONE' && resolution !== 'STATIC') {
    f.error('spec.addresses', 'CIDR addresses are allowed only for NONE/STATIC resolution types');
  }

  const servicePorts = validatePorts(f, ports, addresses.length > 0 || autoAllocatesIP(obj, resolution, addresses));
  validateResolution(f, {
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
        f.error(`spec.ports[${i}]`, 'ports cannot be nil');
        continue;
      }
      const protocol = parseProtocol(String(ports[i].protocol ?? ''));
      if (!isHTTPProtocol(protocol) && !isTLSProtocol(protocol)) {
        f.error(`spec.ports[${i}].protocol`, 'multiple hosts provided with non-HTTP, non-TLS ports');
        break;
      }
    }
  }

  validateExportTo(f, 'spec.exportTo', obj.namespace, spec.exportTo, { isServiceEntry: true });
  return f.list;
};
