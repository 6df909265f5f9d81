/**
 * L2 input checked early with the validation engine's own rules: run one of its checks on a rendered
 * fragment and take its first error (warnings are left to the validation at synth). One rule, one
 * implementation: L2 never re-writes a check Istio makes.
 */
import { Severity } from '../validation/diagnostic';
import { Finding, Findings } from '../validation/findings';

/** The first error (not warning) a check of the engine finds, if any. */
export function firstEngineError(check: (findings: Findings) => void): Finding | undefined {
  const findings = new Findings();
  check(findings);
  return findings.list.find(finding => finding.severity === Severity.ERROR);
}
