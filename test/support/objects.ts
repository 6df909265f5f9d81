/**
 * One builder per kind for every test of the validation engine: Istio objects as a user writes them,
 * and the Kubernetes objects the analyzers read as context. `webhookView` and `webhookFindings` run
 * Istio's webhook rules on one of them, with paths printed so assertions read as a report does.
 */
import { EngineDiagnostic } from '../../src/validation/diagnostic';
import { FieldPath } from '../../src/validation/field-path';
import { Finding, Findings } from '../../src/validation/findings';
import { stringOf } from '../../src/validation/json';
import { validateObjects } from '../../src/validation/validate';
import { validateWebhook } from '../../src/validation/webhook';
import { WebhookObject } from '../../src/validation/webhook/types';

type Spec = Record<string, unknown>;

/** What an object has besides its spec. */
export interface Meta {
  /** metadata.namespace; none when absent. */
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  /** Another served version of the kind. */
  readonly apiVersion?: string;
  /** Other metadata fields (`creationTimestamp`, ...). */
  readonly metadata?: Record<string, unknown>;
}

/** A meta argument may be just the namespace. */
export type MetaArg = Meta | string | undefined;

function metaOf(meta: MetaArg): Meta {
  return typeof meta === 'string' ? { namespace: meta } : meta ?? {};
}

/** An object of `apiVersion`/`kind` named `name`, with `spec` and metadata from `meta`. */
export function object(apiVersion: string, kind: string, name: string, spec: Spec | undefined, meta?: MetaArg) {
  const { namespace, labels, annotations, apiVersion: version, metadata } = metaOf(meta);
  return {
    apiVersion: version ?? apiVersion,
    kind,
    metadata: {
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(labels ? { labels } : {}),
      ...(annotations ? { annotations } : {}),
      ...metadata,
    },
    ...(spec !== undefined ? { spec } : {}),
  };
}

const istio = (group: string, version: string, kind: string) =>
  (name: string, spec: Spec, meta?: MetaArg) => object(`${group}/${version}`, kind, name, spec, meta);

export const virtualService = istio('networking.istio.io', 'v1', 'VirtualService');
export const destinationRule = istio('networking.istio.io', 'v1', 'DestinationRule');
export const gateway = istio('networking.istio.io', 'v1', 'Gateway');
export const serviceEntry = istio('networking.istio.io', 'v1', 'ServiceEntry');
export const sidecar = istio('networking.istio.io', 'v1', 'Sidecar');
export const workloadEntry = istio('networking.istio.io', 'v1', 'WorkloadEntry');
export const workloadGroup = istio('networking.istio.io', 'v1', 'WorkloadGroup');
export const envoyFilter = istio('networking.istio.io', 'v1alpha3', 'EnvoyFilter');
export const proxyConfig = istio('networking.istio.io', 'v1beta1', 'ProxyConfig');
export const authorizationPolicy = istio('security.istio.io', 'v1', 'AuthorizationPolicy');
export const peerAuthentication = istio('security.istio.io', 'v1', 'PeerAuthentication');
export const requestAuthentication = istio('security.istio.io', 'v1', 'RequestAuthentication');
export const telemetry = istio('telemetry.istio.io', 'v1', 'Telemetry');
export const wasmPlugin = istio('extensions.istio.io', 'v1alpha1', 'WasmPlugin');
export const trafficExtension = istio('extensions.istio.io', 'v1alpha1', 'TrafficExtension');

/** A Kubernetes Service with the given port numbers (named `http-<port>`). */
export function service(name: string, namespace: string, ports: number[] = [80], annotations?: Record<string, string>) {
  return object('v1', 'Service', name, { ports: ports.map(port => ({ port, name: `http-${port}` })) }, { namespace, annotations });
}

export function pod(name: string, namespace: string, labels: Record<string, string>, annotations?: Record<string, string>) {
  return object('v1', 'Pod', name, { containers: [] }, { namespace, labels, annotations });
}

export function deployment(name: string, namespace: string, labels: Record<string, string>) {
  return object('apps/v1', 'Deployment', name, {
    selector: { matchLabels: labels },
    template: { metadata: { labels }, spec: { containers: [] } },
  }, namespace);
}

export function namespaceObject(name: string, labels: Record<string, string>) {
  return object('v1', 'Namespace', name, undefined, { labels });
}

/** The object as a webhook kind validator sees it. */
export function webhookView(obj: { apiVersion: string; kind: string; metadata: Record<string, unknown>; spec?: unknown }): WebhookObject {
  return {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: stringOf(obj.metadata.name),
    namespace: stringOf(obj.metadata.namespace),
    metadata: obj.metadata,
    spec: obj.spec ?? {},
  };
}

/** A finding as assertions state it: the path printed, `warning` only on warnings. */
export interface PrintedFinding {
  readonly path: string;
  readonly message: string;
  readonly warning?: boolean;
}

/** Findings with their paths printed. */
export function printed(list: readonly Finding[]): PrintedFinding[] {
  return list.map(f => ({ path: f.path.toString(), message: f.message, ...(f.code === 'IST0133' ? { warning: true } : {}) }));
}

/** What a check that appends to a collector found, printed. */
export function collect(check: (findings: Findings) => void): PrintedFinding[] {
  const findings = new Findings();
  check(findings);
  return printed(findings.list);
}

/** An expected error. */
export function err(path: string, message: string): PrintedFinding {
  return { path, message };
}

/** An expected warning. */
export function warn(path: string, message: string): PrintedFinding {
  return { path, message, warning: true };
}

/** `FieldPath.at(...)`, short for tests: the path a check of `spec.x` is given. */
export const at = FieldPath.at;

/** A Kubernetes Node (cluster-scoped) with the given labels. */
export function node(name: string, labels: Record<string, string>) {
  return object('v1', 'Node', name, undefined, { labels });
}

/** Findings as report lines, `<path>: <message>` (the schema and CEL tests state them so). */
export function reportLines(list: readonly Finding[]): string[] {
  return list.map(finding => `${finding.path}: ${finding.message}`);
}

/** Istio's webhook rules (reserved annotations, then the kind's validator) on one object, paths printed. */
export function webhookFindings(obj: { apiVersion: string; kind: string; metadata: Record<string, unknown>; spec?: unknown }): PrintedFinding[] {
  return printed(validateWebhook(obj));
}

/** Each object's own diagnostics (schema, CEL, webhook: IST0106 / IST0133), without cross-resource analysis. */
export function objectDiagnostics(objects: readonly unknown[]): EngineDiagnostic[] {
  return validateObjects(objects, { analysis: false });
}
