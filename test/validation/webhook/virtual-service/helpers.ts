/** Test helpers: the VirtualService webhook rules on a spec, through the shared builder. */
import { PrintedFinding, virtualService, webhookFindings } from '../../../support/objects';

/** A destination route every HTTP route below can reuse. */
export const ROUTE = [{ destination: { host: 'reviews' } }];

/** The webhook's findings for a VirtualService `reviews` with this spec (in namespace `default`, unless given). */
export function specFindings(
  spec: Record<string, unknown>, options: { namespace?: string; annotations?: Record<string, string> } = {}): PrintedFinding[] {
  return webhookFindings(virtualService('reviews', spec, { namespace: options.namespace ?? 'default', annotations: options.annotations }));
}

/** The findings for a VirtualService on host `reviews` with this one HTTP route. */
export function routeFindings(route: Record<string, unknown>): PrintedFinding[] {
  return specFindings({ hosts: ['reviews'], http: [route] });
}
