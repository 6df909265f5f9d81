/** Test helpers for the security kinds' webhook rules. */
import { Diagnostic } from '../../../../src/validation/diagnostic';
import { validateObjects } from '../../../../src/validation/validate';
import { validateAuthorizationPolicy } from '../../../../src/validation/webhook/authorization-policy';
import { validatePeerAuthentication } from '../../../../src/validation/webhook/peer-authentication';
import { validateRequestAuthentication } from '../../../../src/validation/webhook/request-authentication';
import { KindValidator, WebhookFinding } from '../../../../src/validation/webhook/types';
export { collect, err, warn } from '../findings-support';

function run(validator: KindValidator, kind: string, spec: any, name = 'authz', namespace = 'foo'): WebhookFinding[] {
  return validator({ apiVersion: 'security.istio.io/v1', kind, name, namespace, metadata: { name, namespace }, spec });
}

/** AuthorizationPolicy `foo/authz` findings of `spec`. */
export function ap(spec: any): WebhookFinding[] {
  return run(validateAuthorizationPolicy, 'AuthorizationPolicy', spec);
}

/** PeerAuthentication findings of `spec`. */
export function pa(spec: any): WebhookFinding[] {
  return run(validatePeerAuthentication, 'PeerAuthentication', spec);
}

/** RequestAuthentication findings of `spec`. */
export function ra(spec: any): WebhookFinding[] {
  return run(validateRequestAuthentication, 'RequestAuthentication', spec);
}

/** The prefix Istio puts on AuthorizationPolicy `foo/authz`'s errors. */
export const AP_PREFIX = 'invalid policy authz.foo: ';


/** An AuthorizationPolicy error finding (prefixed). */
export function apErr(path: string, message: string): WebhookFinding {
  return { path, message: AP_PREFIX + message };
}


/** A full security.istio.io/v1 object. */
export function securityObject(kind: string, spec: any, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'security.istio.io/v1', kind, metadata: { name: 'authz', namespace: 'foo', ...metadata }, spec };
}

/** Schema, CEL and webhook diagnostics of objects (no cross-resource analysis). */
export function diagnostics(objects: readonly unknown[]): Diagnostic[] {
  return validateObjects(objects, { analysis: false });
}
