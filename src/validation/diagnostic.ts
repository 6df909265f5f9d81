import type { FieldPath } from './field-path';
import type { Finding } from './findings';
import { isRecord, messageOf, nonEmptyString } from './json';

/** How bad a finding is: errors fail synthesis and the CLI, warnings and infos are printed. */
export enum Severity {
  /** Istio (or Kubernetes) would reject the object, or it cannot work as written. */
  ERROR = 'error',
  /** Accepted, but almost certainly not what was meant. */
  WARNING = 'warning',
  /** Worth knowing; nothing is wrong. */
  INFO = 'info',
}

/**
 * One finding about one Istio object, the same type for every check (schema, CEL, webhook rules,
 * cross-resource analysis) and every front end (synth-time validation, the CLI, the API). Where the
 * object came from (a file and line, a construct path) is the front end's to add: each wraps the
 * diagnostic in its own type.
 */
export interface Diagnostic {
  /** How bad it is. */
  readonly severity: Severity;

  /**
   * istioctl analyze's message code where one fits (`IST0106` for schema, CEL and webhook errors),
   * else one of ours (`CI1xxx`).
   */
  readonly code: string;

  /** Kind of the object, e.g. `VirtualService`. */
  readonly kind: string;

  /** apiVersion of the object, e.g. `networking.istio.io/v1`. */
  readonly apiVersion: string;

  /**
   * Namespace of the object.
   * @default - the object has none
   */
  readonly namespace?: string;

  /**
   * Name of the object.
   * @default - the object has none
   */
  readonly name?: string;

  /** Field path in the object, Kubernetes style (`spec.http[0].route[1].weight`); empty for the whole object. */
  readonly path: string;

  /** What is wrong, in Kubernetes' or Istio's own words. */
  readonly message: string;

  /**
   * Position of the object in the list that was validated (`IstioValidation.validate(objects)`):
   * every finding is about one object of the list.
   */
  readonly objectIndex: number;
}

/**
 * A diagnostic as the engine returns it to this package's front ends: also its structured field path,
 * so the CLI finds the line without parsing the printed `path`. Not public: `IstioValidation.validate`
 * returns plain Diagnostics.
 */
export interface EngineDiagnostic extends Diagnostic {
  readonly fieldPath: FieldPath;
}

/** A check's finding about `obj`, the object at `objectIndex` of the validated list, as a diagnostic. */
export function toDiagnostic(finding: Finding, obj: unknown, objectIndex: number): EngineDiagnostic {
  return {
    severity: finding.severity,
    code: finding.code,
    ...objectIdentity(isRecord(obj) ? obj : {}),
    path: finding.path.toString(),
    message: finding.message,
    objectIndex,
    fieldPath: finding.path,
  };
}

/** Message codes, istioctl analyze's where one applies. */
export const Codes = {
  /** Schema, CEL and webhook validation errors (istioctl: SchemaValidationError). */
  SCHEMA_VALIDATION_ERROR: 'IST0106',
  /** Webhook warnings (istioctl: SchemaWarning). */
  SCHEMA_WARNING: 'IST0133',
} as const;

/** `Kind namespace/name`, or `Kind name` for an object without namespace, as istioctl prints origins. */
export function describeObject(diagnostic: Pick<Diagnostic, 'kind' | 'namespace' | 'name'>): string {
  const name = diagnostic.name ?? '<unnamed>';
  return diagnostic.namespace ? `${diagnostic.kind} ${diagnostic.namespace}/${name}` : `${diagnostic.kind} ${name}`;
}

/** `<Kind> <ns>/<name>: <path>: <message>`, the part of a report line after the source and code. */
export function formatFinding(diagnostic: Pick<Diagnostic, 'kind' | 'namespace' | 'name' | 'path' | 'message'>): string {
  const where = diagnostic.path ? `${diagnostic.path}: ` : '';
  return `${describeObject(diagnostic)}: ${where}${diagnostic.message}`;
}

/** The kind, apiVersion, namespace and name a diagnostic about `obj` carries. */
function objectIdentity(obj: Record<string, unknown>): Pick<Diagnostic, 'kind' | 'apiVersion' | 'namespace' | 'name'> {
  const metadata = messageOf(obj.metadata);
  const namespace = nonEmptyString(metadata.namespace);
  const name = nonEmptyString(metadata.name);
  return {
    kind: nonEmptyString(obj.kind) ?? '<no kind>',
    apiVersion: String(obj.apiVersion),
    ...(namespace ? { namespace } : {}),
    ...(name ? { name } : {}),
  };
}
