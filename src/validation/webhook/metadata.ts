/**
 * What istiod's webhook checks on every kind before the kind's own rules (validateMetadata,
 * checkDryRunAnnotation): annotations users may not set. The first one found rejects the object and
 * the kind's rules do not run.
 */
import { WebhookFinding, WebhookObject } from './types';

const DRY_RUN = 'istio.io/dry-run';
const ALWAYS_REJECT = 'internal.istio.io/webhook-always-reject';
/** Internal annotations that would let a user's object claim another's privileges. */
const INTERNAL_PARENTS = [
  // unverified: the parent-namespace constant is absent from the Istio source we could read; name as istiod's gateway code uses it.
  'internal.istio.io/parent-namespace',
  'internal.istio.io/parents',
];

/** The rejection for a reserved annotation, or undefined. Only AuthorizationPolicy may carry istio.io/dry-run. */
export function checkReservedAnnotations(obj: WebhookObject): WebhookFinding | undefined {
  const annotations = (obj.metadata.annotations ?? {}) as Record<string, unknown>;
  const at = (key: string) => `metadata.annotations[${key}]`;
  if (DRY_RUN in annotations && obj.kind !== 'AuthorizationPolicy') {
    return { path: at(DRY_RUN), message: `${obj.namespace}/${obj.name} has unsupported annotation ${DRY_RUN}, please remove the annotation` };
  }
  if (ALWAYS_REJECT in annotations) {
    return { path: at(ALWAYS_REJECT), message: `"${ALWAYS_REJECT}" annotation found, rejecting` };
  }
  const internal = INTERNAL_PARENTS.find(key => key in annotations);
  if (internal) {
    return { path: at(internal), message: `"${internal}" annotation found, this may not be set by users` };
  }
  return undefined;
}
