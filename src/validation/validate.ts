/**
 * The validation engine's entry point: every check, for every front end.
 * Input: plain objects (any Kubernetes documents). Output: diagnostics, each with the index of its object.
 */
import { analyzeObjects } from './analysis';
import { EngineDiagnostic, Severity, toDiagnostic } from './diagnostic';
import { isRecord } from './json';
import { istioGroups } from './schema/crd-catalog';
import { validateSchema } from './schema/validate-schema';
import { validateWebhook } from './webhook';

/** True for an object whose apiVersion belongs to an Istio API group. */
export function isIstioObject(obj: unknown): boolean {
  if (!isRecord(obj)) return false;
  const apiVersion = (obj as { apiVersion?: unknown }).apiVersion;
  if (typeof apiVersion !== 'string') return false;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return istioGroups().has(group) || group.endsWith('.istio.io');
}

/** Options of validateObjects. */
export interface ValidateOptions {
  /** Cross-resource analysis (default: on). */
  readonly analysis?: boolean;
  /** The opt-in best-practice checks, CI2xxx (default: off; they need the analysis). */
  readonly bestPractices?: boolean;
}

/**
 * Validates every Istio object of a set of documents: CRD schema and CEL rules, then Istio's webhook
 * rules, then cross-resource analysis over the whole set (other documents — Services, Pods, ... —
 * are context for it). Diagnostics carry `objectIndex`.
 */
export function validateObjects(objects: readonly unknown[], options: ValidateOptions = {}): EngineDiagnostic[] {
  const diagnostics: EngineDiagnostic[] = [];
  // Objects the API server or the webhook would refuse never reach the cluster: they are not
  // analysed, but still count as present for the objects that refer to them, so one invalid object
  // gets its own errors once instead of a cascade of "not found" on its users.
  const refused = new Set<number>();
  objects.forEach((obj, objectIndex) => {
    if (!isIstioObject(obj)) return;
    const own = validateObject(obj as Record<string, unknown>, objectIndex);
    diagnostics.push(...own);
    if (own.some(diagnostic => diagnostic.severity === Severity.ERROR)) refused.add(objectIndex);
  });
  if (options.analysis !== false) diagnostics.push(...analysisDiagnostics(objects, refused, options.bestPractices));
  return diagnostics;
}

/** Schema and CEL, then — as in the API server, only for an object the schema accepted — the webhook. */
function validateObject(obj: Record<string, unknown>, objectIndex: number): EngineDiagnostic[] {
  const schemaDiagnostics = schemaDiagnosticsOf(obj, objectIndex);
  return schemaDiagnostics.length > 0 ? schemaDiagnostics : webhookDiagnostics(obj, objectIndex);
}

/** The API server's findings (strict decoding, structural schema, CEL). */
function schemaDiagnosticsOf(obj: Record<string, unknown>, objectIndex: number): EngineDiagnostic[] {
  return validateSchema(obj).map(finding => toDiagnostic(finding, obj, objectIndex));
}

/** The webhook's findings as diagnostics: errors IST0106, warnings IST0133. */
function webhookDiagnostics(obj: Record<string, unknown>, objectIndex: number): EngineDiagnostic[] {
  const findings = validateWebhook(obj);
  // Istio's webhook returns warnings only with an admitted object; a denial carries just the errors.
  const denied = findings.some(finding => finding.severity === Severity.ERROR);
  return findings
    .filter(finding => !denied || finding.severity === Severity.ERROR)
    .map(finding => toDiagnostic(finding, obj, objectIndex));
}

/** The cross-resource findings, each on the object it names. */
function analysisDiagnostics(objects: readonly unknown[], refused: ReadonlySet<number>, bestPractices?: boolean): EngineDiagnostic[] {
  return analyzeObjects(objects, { refused, bestPractices })
    .map(finding => toDiagnostic(finding, objects[finding.objectIndex!], finding.objectIndex!));
}
