/**
 * What istiod's webhook checks on every kind before the kind's own rules (validateMetadata,
 * checkDryRunAnnotation): annotations users may not set. The first one found rejects the object and
 * the kind's rules do not run.
 */
import { parseBoolError } from '../../go/strconv';
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { messageOf, stringOf } from '../json';
import { WebhookObject } from './types';

const DRY_RUN = 'istio.io/dry-run';
const ALWAYS_REJECT = 'internal.istio.io/webhook-always-reject';
/**
 * Internal annotations that would let a user's object claim another's privileges, in validateMetadata's
 * order (constants.InternalParentNamespace, constants.InternalParentNames in 1.30.3).
 */
const INTERNAL_PARENTS = [
  'internal.istio.io/parent-namespace',
  'internal.istio.io/parents',
];

/**
 * checkDryRunAnnotation: istio.io/dry-run is for AuthorizationPolicy only, with a Go bool value
 * (strconv.ParseBool) and an ALLOW or DENY action (absent means ALLOW).
 */
function checkDryRunAnnotation(obj: WebhookObject, value: string): string | undefined {
  const where = `${obj.namespace}/${obj.name}`;
  if (obj.kind !== 'AuthorizationPolicy') return `${where} has unsupported annotation ${DRY_RUN}, please remove the annotation`;
  const action = stringOf(obj.spec.action) || 'ALLOW';
  if (action !== 'ALLOW' && action !== 'DENY') {
    return `the annotation ${DRY_RUN} currently only supports action ALLOW/DENY, found action ${action} in ${where}`;
  }
  const error = parseBoolError(value);
  return error && `${where} has annotation ${DRY_RUN} with invalid value (${value}): ${error}`;
}

/**
 * The rejection for a reserved annotation, at its key under `path` (`metadata.annotations`). Only
 * AuthorizationPolicy may carry istio.io/dry-run. False when the object is rejected: the kind's rules
 * then do not run.
 */
export function validateReservedAnnotations(path: FieldPath, findings: Findings, obj: WebhookObject): boolean {
  const annotations = messageOf(obj.metadata.annotations);
  if (DRY_RUN in annotations) {
    const dryRun = checkDryRunAnnotation(obj, stringOf(annotations[DRY_RUN]));
    if (dryRun) {
      findings.error(path.key(DRY_RUN), dryRun);
      return false;
    }
  }
  if (ALWAYS_REJECT in annotations) {
    findings.error(path.key(ALWAYS_REJECT), `"${ALWAYS_REJECT}" annotation found, rejecting`);
    return false;
  }
  const internal = INTERNAL_PARENTS.find(key => key in annotations);
  if (internal) {
    findings.error(path.key(internal), `"${internal}" annotation found, this may not be set by users`);
    return false;
  }
  return true;
}
