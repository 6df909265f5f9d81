/**
 * Dispatches an object to its kind's webhook validator. Every served version of a kind goes through
 * the same validator, as in istiod.
 */
import { FieldPath } from '../field-path';
import { Finding, Findings } from '../findings';
import { messageOf, stringOf } from '../json';
import { validateAuthorizationPolicy } from './authorization-policy';
import { validateDestinationRule } from './destination-rule';
import { validateEnvoyFilter } from './envoy-filter';
import { validateGateway } from './gateway';
import { validateReservedAnnotations } from './metadata';
import { validatePeerAuthentication } from './peer-authentication';
import { validateProxyConfig } from './proxy-config';
import { validateRequestAuthentication } from './request-authentication';
import { validateServiceEntry } from './service-entry';
import { validateSidecar } from './sidecar';
import { validateTelemetry } from './telemetry';
import { validateTrafficExtension } from './traffic-extension';
import { KindValidator, WebhookObject } from './types';
import { validateVirtualService } from './virtual-service';
import { validateWasmPlugin } from './wasm-plugin';
import { validateWorkloadEntry } from './workload-entry';
import { validateWorkloadGroup } from './workload-group';

const validators: Record<string, KindValidator> = {
  'networking.istio.io/VirtualService': validateVirtualService,
  'networking.istio.io/DestinationRule': validateDestinationRule,
  'networking.istio.io/Gateway': validateGateway,
  'networking.istio.io/ServiceEntry': validateServiceEntry,
  'networking.istio.io/Sidecar': validateSidecar,
  'networking.istio.io/EnvoyFilter': validateEnvoyFilter,
  'networking.istio.io/WorkloadEntry': validateWorkloadEntry,
  'networking.istio.io/WorkloadGroup': validateWorkloadGroup,
  'networking.istio.io/ProxyConfig': validateProxyConfig,
  'security.istio.io/AuthorizationPolicy': validateAuthorizationPolicy,
  'security.istio.io/PeerAuthentication': validatePeerAuthentication,
  'security.istio.io/RequestAuthentication': validateRequestAuthentication,
  'telemetry.istio.io/Telemetry': validateTelemetry,
  'extensions.istio.io/WasmPlugin': validateWasmPlugin,
  'extensions.istio.io/TrafficExtension': validateTrafficExtension,
};

/**
 * The webhook's findings for an object the schema accepted, in Istio's order; empty for kinds without
 * rules. A reserved annotation rejects the object before the kind's rules run.
 */
export function validateWebhook(obj: Record<string, unknown>): Finding[] {
  const apiVersion = String(obj.apiVersion);
  const kind = String(obj.kind);
  const validator = validators[`${apiVersion.split('/')[0]}/${kind}`];
  if (!validator) return [];
  const metadata = messageOf(obj.metadata);
  const view: WebhookObject = {
    apiVersion,
    kind,
    name: stringOf(metadata.name),
    namespace: stringOf(metadata.namespace),
    metadata,
    spec: obj.spec ?? {},
  };
  const findings = new Findings();
  if (validateReservedAnnotations(FieldPath.at('metadata', 'annotations'), findings, view)) validator(view, findings);
  return findings.list;
}
