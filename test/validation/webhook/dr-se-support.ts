/** Test helpers for the DestinationRule / ServiceEntry webhook rules and their shared primitives. */
import { Diagnostic } from '../../../src/validation/diagnostic';
import { validateObjects } from '../../../src/validation/validate';
import { validateDestinationRule } from '../../../src/validation/webhook/destination-rule';
import { validateServiceEntry } from '../../../src/validation/webhook/service-entry';
import { KindValidator, WebhookFinding } from '../../../src/validation/webhook/types';
export { collect, err, warn } from './findings-support';

/** A webhook view of an object in namespace `ns` (istiod always knows it). */
function run(validator: KindValidator, kind: string, spec: any, metadata: Record<string, unknown> = {}): WebhookFinding[] {
  const meta = { name: 'x', namespace: 'ns', ...metadata };
  return validator({
    apiVersion: 'networking.istio.io/v1',
    kind,
    name: String(meta.name ?? ''),
    namespace: typeof meta.namespace === 'string' ? meta.namespace : '',
    metadata: meta,
    spec,
  });
}

/** DestinationRule findings of `spec`. */
export function dr(spec: any, metadata?: Record<string, unknown>): WebhookFinding[] {
  return run(validateDestinationRule, 'DestinationRule', spec, metadata);
}

/** ServiceEntry findings of `spec`. */
export function se(spec: any, metadata?: Record<string, unknown>): WebhookFinding[] {
  return run(validateServiceEntry, 'ServiceEntry', spec, metadata);
}

/** A DestinationRule with `trafficPolicy`. */
export function drPolicy(trafficPolicy: any): WebhookFinding[] {
  return dr({ host: 'reviews', trafficPolicy });
}


/** validateObjects' schema and webhook diagnostics (IST0106 / IST0133), without cross-resource analysis. */
export function webhookDiagnostics(objects: readonly unknown[]): Diagnostic[] {
  return validateObjects(objects, { analysis: false });
}
