/** Test helpers shared by the webhook tests: expected findings, and findings of a check that writes into a collector. */
import { Findings, WebhookFinding } from '../../../src/validation/webhook/types';

/** An error finding. */
export function err(path: string, message: string): WebhookFinding {
  return { path, message };
}

/** A warning finding. */
export function warn(path: string, message: string): WebhookFinding {
  return { path, message, warning: true };
}

/** Findings of a check that writes into a Findings collector. */
export function collect(check: (f: Findings) => void): WebhookFinding[] {
  const f = new Findings();
  check(f);
  return f.list;
}
