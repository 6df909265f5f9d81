/**
 * Runners for the analysis tests (the objects come from test/support/objects.ts): findings of some
 * codes, as diagnostics — a Finding has only its object's index; the diagnostic names the object.
 */
import { analyzeObjects, AnalyzeOptions } from '../../../src/validation/analysis';
import { Diagnostic, toDiagnostic } from '../../../src/validation/diagnostic';

/** A route to a host, with optional subset/port. */
export function route(host: string, extra: Record<string, unknown> = {}) {
  return { route: [{ destination: { host, ...extra } }] };
}

/** The analysis findings of `objects` as diagnostics. */
export function diagnostics(objects: readonly unknown[], options?: AnalyzeOptions): Diagnostic[] {
  return analyzeObjects(objects, options).map(finding => toDiagnostic(finding, objects[finding.objectIndex!], finding.objectIndex!));
}

/** The analysis findings with one of the given codes, reduced to what tests assert. */
export function findings(objects: unknown[], ...codes: string[]) {
  return diagnostics(objects)
    .filter(d => codes.includes(d.code))
    .map(d => brief(d));
}

export function brief(d: Diagnostic) {
  return { code: d.code, severity: d.severity, name: d.name, path: d.path, message: d.message, objectIndex: d.objectIndex };
}
