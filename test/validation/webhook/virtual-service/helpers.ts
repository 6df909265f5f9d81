/** Test helpers: run the VirtualService webhook validator on a spec. */
import { WebhookFinding } from '../../../../src/validation/webhook/types';
import { validateVirtualService } from '../../../../src/validation/webhook/virtual-service';

/** A destination route every HTTP route below can reuse. */
export const ROUTE = [{ destination: { host: 'reviews' } }];

/** The webhook's findings for a VirtualService spec (in namespace `default`, unless given). */
export function validateSpec(spec: unknown, options: { namespace?: string; annotations?: Record<string, string> } = {}): WebhookFinding[] {
  const metadata: Record<string, unknown> = { name: 'reviews', namespace: options.namespace ?? 'default' };
  if (options.annotations) metadata.annotations = options.annotations;
  return validateVirtualService({
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    name: 'reviews',
    namespace: options.namespace ?? 'default',
    metadata,
    spec,
  });
}

/** The findings for a VirtualService on host `reviews` with this one HTTP route. */
export function validateHttpRoute(route: Record<string, unknown>): WebhookFinding[] {
  return validateSpec({ hosts: ['reviews'], http: [route] });
}

/** An error finding. */
export function error(path: string, message: string): WebhookFinding {
  return { path, message };
}

/** A warning finding. */
export function warning(path: string, message: string): WebhookFinding {
  return { path, message, warning: true };
}
