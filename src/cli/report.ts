/**
 * Output of `cdk8s-istio validate`: one line per diagnostic and a summary line, or a JSON array.
 * The text after the code comes from the engine's `formatFinding`, so it reads exactly like the
 * messages of synth-time validation.
 */
import { Diagnostic, formatFinding, Severity } from '../validation/diagnostic';

/**
 * What a finding says: an engine diagnostic, or one of the CLI's own about a document that is not a
 * Kubernetes object (`kind` empty, about no object of the engine's list).
 */
export type ReportedDiagnostic = Pick<Diagnostic, 'severity' | 'code' | 'kind' | 'namespace' | 'name' | 'path' | 'message'>;

/** A diagnostic placed in an input file. */
export interface ReportEntry {
  /** What is wrong; `kind` is empty for a document that is not a Kubernetes object. */
  readonly diagnostic: ReportedDiagnostic;
  /** The file as the user named it, or null when the diagnostic cannot be placed. */
  readonly file: string | null;
  /** Position of the file in the input (sort key: files in the order they were read). */
  readonly fileIndex: number;
  /** 1-based line, or null when not known. */
  readonly line: number | null;
  /** What suppressed it (the annotation or the `--suppress` value), for a suppressed finding. */
  readonly suppressedBy?: string;
}

/** Counts for the summary line. */
export interface Summary {
  /** Istio objects validated. */
  readonly objects: number;
  /** Documents that are Kubernetes objects of other API groups (context for cross-resource checks only). */
  readonly skipped: number;
  /** Findings suppressed (annotation, `--suppress`): counted whether or not they are listed. */
  readonly suppressed?: number;
}

/** One entry of `--format json`. */
export interface JsonFinding {
  readonly file: string | null;
  readonly line: number | null;
  readonly severity: Severity;
  readonly code: string;
  readonly kind: string | null;
  readonly namespace: string | null;
  readonly name: string | null;
  readonly path: string;
  readonly message: string;
  /** With `--show-suppressed` only: whether the finding is suppressed. */
  readonly suppressed?: boolean;
  /** With `--show-suppressed` only: what suppressed it, or null. */
  readonly suppressedBy?: string | null;
}

/** Findings by file (in input order), then line; findings on the same line keep the engine's order. */
export function sortEntries(findings: readonly ReportEntry[]): ReportEntry[] {
  return [...findings].sort((a, b) => a.fileIndex - b.fileIndex || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * `<file>:<line> <severity> <CODE> <Kind> <namespace>/<name>: <field path>: <message>`; a suppressed
 * finding reads `<file>:<line> suppressed <severity> <CODE> ... (by <what>)`.
 */
export function formatLine(finding: ReportEntry): string {
  const { diagnostic } = finding;
  const location = finding.file === null ? '-' : finding.line === null ? finding.file : `${finding.file}:${finding.line}`;
  if (finding.suppressedBy !== undefined) {
    return `${location} suppressed ${diagnostic.severity} ${diagnostic.code} ${describe(diagnostic)} (by ${finding.suppressedBy})`;
  }
  return `${location} ${diagnostic.severity} ${diagnostic.code} ${describe(diagnostic)}`;
}

/**
 * `N errors, M warnings in K objects`, a fixed format that scripts parse (so no singular forms),
 * with `(S non-Istio documents skipped, F findings suppressed)` when there were any. Suppressed
 * findings are not counted as errors or warnings.
 */
export function summaryLine(findings: readonly ReportEntry[], summary: Summary): string {
  const kept = findings.filter(finding => finding.suppressedBy === undefined);
  const errors = count(kept, Severity.ERROR);
  const warnings = count(kept, Severity.WARNING);
  const notes = [
    ...summary.skipped > 0 ? [`${summary.skipped} non-Istio documents skipped`] : [],
    ...(summary.suppressed ?? 0) > 0 ? [`${summary.suppressed} findings suppressed`] : [],
  ];
  return `${errors} errors, ${warnings} warnings in ${summary.objects} objects${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/** The text report: sorted lines (suppressed findings, when given, in place), then the summary line. */
export function textReport(findings: readonly ReportEntry[], summary: Summary): string {
  const lines = sortEntries(findings).map(formatLine);
  lines.push(summaryLine(findings, summary));
  return `${lines.join('\n')}\n`;
}

/**
 * The JSON report: a sorted array; absent namespace, name and kind are null. With `showSuppressed`,
 * every entry also has `suppressed` (boolean) and `suppressedBy` (what suppressed it, or null), and
 * the suppressed findings are in the array.
 */
export function jsonReport(findings: readonly ReportEntry[], showSuppressed = false): string {
  const entries: JsonFinding[] = sortEntries(findings).map(({ diagnostic, file, line, suppressedBy }) => ({
    file,
    line,
    severity: diagnostic.severity,
    code: diagnostic.code,
    kind: diagnostic.kind || null,
    namespace: diagnostic.namespace ?? null,
    name: diagnostic.name ?? null,
    path: diagnostic.path,
    message: diagnostic.message,
    ...showSuppressed ? { suppressed: suppressedBy !== undefined, suppressedBy: suppressedBy ?? null } : {},
  }));
  return `${JSON.stringify(entries, undefined, 2)}\n`;
}

/** True when any finding that is not suppressed is an error: the run fails. */
export function hasErrors(findings: readonly ReportEntry[]): boolean {
  return findings.some(finding => finding.suppressedBy === undefined && finding.diagnostic.severity === Severity.ERROR);
}

function describe(diagnostic: ReportedDiagnostic): string {
  if (diagnostic.kind) return formatFinding(diagnostic);
  return `-: ${diagnostic.path ? `${diagnostic.path}: ` : ''}${diagnostic.message}`;
}

function count(findings: readonly ReportEntry[], severity: Severity): number {
  return findings.filter(finding => finding.diagnostic.severity === severity).length;
}
