/**
 * Istio's validating webhook, rebuilt per kind. A kind validator gets an object that already passed
 * the CRD schema and CEL rules (the API server runs them before any webhook), with istiod's view of
 * it: a missing field is its zero value (Gateway `tls.mode` PASSTHROUGH, ServiceEntry `resolution`
 * NONE, ...). It returns findings with Istio's own message and the field path they concern.
 */

/** One webhook finding. */
export interface WebhookFinding {
  /** Field path, Kubernetes style: `spec.http[0].route[1].weight`; '' for the whole object. */
  readonly path: string;
  /** Istio's message, verbatim in wording (Go format verbs filled in). */
  readonly message: string;
  /** True for what the webhook returns as a warning (admitted, printed by kubectl). */
  readonly warning?: boolean;
}

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

/** A kind's validator: all the findings for one object, in Istio's order. */
export type KindValidator = (obj: WebhookObject) => WebhookFinding[];

/** Findings collector with path helpers, so validators read like Istio's Go code. */
export class Findings {
  public readonly list: WebhookFinding[] = [];

  /** An error the webhook rejects the object with. */
  public error(path: string, message: string): void {
    this.list.push({ path, message });
  }

  /** An error when a check returned a message (checks return undefined for a valid value). */
  public errorIfAny(path: string, message: string | undefined): void {
    if (message !== undefined) this.error(path, message);
  }

  /** A warning the webhook admits the object with. */
  public warn(path: string, message: string): void {
    this.list.push({ path, message, warning: true });
  }
}
