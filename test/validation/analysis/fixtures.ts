/** Builders for the objects the analysis tests feed in, and a runner that filters by code. */
import { analyzeObjects } from '../../../src/validation/analysis';
import { Diagnostic } from '../../../src/validation/diagnostic';

type Spec = Record<string, unknown>;

function istio(kind: string, name: string, spec: Spec, namespace?: string, extra: Record<string, unknown> = {}) {
  return { apiVersion: 'networking.istio.io/v1', kind, metadata: { name, ...(namespace ? { namespace } : {}), ...extra }, spec };
}

export const virtualService = (name: string, spec: Spec, namespace?: string) => istio('VirtualService', name, spec, namespace);
export const destinationRule = (name: string, spec: Spec, namespace?: string) => istio('DestinationRule', name, spec, namespace);
export const gateway = (name: string, spec: Spec, namespace?: string) => istio('Gateway', name, spec, namespace);
export const serviceEntry = (name: string, spec: Spec, namespace?: string) => istio('ServiceEntry', name, spec, namespace);
export const sidecar = (name: string, spec: Spec, namespace?: string) => istio('Sidecar', name, spec, namespace);

/** A Kubernetes Service with the given port numbers. */
export function service(name: string, namespace: string, ports: number[] = [80], annotations?: Record<string, string>) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, ...(annotations ? { annotations } : {}) },
    spec: { ports: ports.map(port => ({ port, name: `http-${port}` })) },
  };
}

export function pod(name: string, namespace: string, labels: Record<string, string>, annotations?: Record<string, string>) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels, ...(annotations ? { annotations } : {}) }, spec: { containers: [] } };
}

export function deployment(name: string, namespace: string, labels: Record<string, string>) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [] } } },
  };
}

export function namespaceObject(name: string, labels: Record<string, string>) {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** A route to a host, with optional subset/port. */
export function route(host: string, extra: Record<string, unknown> = {}) {
  return { route: [{ destination: { host, ...extra } }] };
}

/** The analysis findings with one of the given codes, reduced to what tests assert. */
export function findings(objects: unknown[], ...codes: string[]) {
  return analyzeObjects(objects)
    .filter(d => codes.includes(d.code))
    .map(d => brief(d));
}

export function brief(d: Diagnostic) {
  return { code: d.code, severity: d.severity, name: d.name, path: d.path, message: d.message, objectIndex: d.objectIndex };
}
