/**
 * Istio's validating webhook, rebuilt per kind. A kind validator gets an object that already passed
 * the CRD schema and CEL rules (the API server runs them before any webhook), with istiod's view of
 * it: a missing field is its zero value (Gateway `tls.mode` PASSTHROUGH, ServiceEntry `resolution`
 * NONE, ...). It appends findings with Istio's own message and the field path they concern.
 */
import { Findings } from '../findings';

/** The object as a kind validator sees it. */
export interface WebhookObject {
  readonly apiVersion: string;
  readonly kind: string;
  /** metadata.name ('' when absent). */
  readonly name: string;
  /** metadata.namespace ('' when absent: the object will land in the namespace it is applied to). */
  readonly namespace: string;
  readonly metadata: Record<string, unknown>;
  /** The spec, `{}` when absent. */
  readonly spec: any;
}

/** A kind's validator: appends all the findings for one object, in Istio's order. */
export type KindValidator = (obj: WebhookObject, findings: Findings) => void;
