/**
 * The one collector every check of the engine appends to, as Kubernetes' checks build a
 * field.ErrorList. Conventions (CONTRIBUTING.md, "One shape for checks"):
 *
 * - `validateX(path, findings, ...values)` appends what is wrong with the value at `path`;
 * - `checkX(...values)` returns Istio's (or Go's) one message for a value, or undefined: no path, no
 *   collector (what a Go `func ... error` returns); a caller reports it with `findings.errorIfAny`;
 * - `analyzeX(set, findings)` is an analyzer over a set of objects;
 * - `isX(...)` is a predicate.
 *
 * A finding keeps its FieldPath until a front end prints it.
 */
import type { MessageType } from './analysis/core/messages';
import { Codes, Severity } from './diagnostic';
import { FieldPath } from './field-path';
import { goFormat } from '../go/format';

/** One finding of a check, before a front end turns it into a Diagnostic. */
export interface Finding {
  readonly path: FieldPath;
  /** In Kubernetes', Istio's or istioctl's words. */
  readonly message: string;
  readonly severity: Severity;
  readonly code: string;
  /**
   * A schema error after which the API server skips every CEL rule of the object (Required,
   * Unsupported value, Too long, Too many, type errors).
   */
  readonly blocking?: boolean;
  /** The object it is about, for analyzers (which see many); per-object checks leave it to their caller. */
  readonly objectIndex?: number;
}

/** What an analyzer reports on: an object of the analysed set. */
export interface ReportedObject {
  readonly index: number;
  /** A stand-in for an object outside the app, or an object the schema or webhook refused: never reported on. */
  readonly external: boolean;
  readonly refused: boolean;
}

export class Findings {
  public readonly list: Finding[] = [];

  /** An error that rejects the object (IST0106, as istioctl reports schema and webhook errors). */
  public error(path: FieldPath, message: string): void {
    this.list.push({ path, message, severity: Severity.ERROR, code: Codes.SCHEMA_VALIDATION_ERROR });
  }

  /** `error` when a check returned a message (checks return undefined for a valid value). */
  public errorIfAny(path: FieldPath, message: string | undefined): void {
    if (message !== undefined) this.error(path, message);
  }

  /** A warning the webhook admits the object with (IST0133). */
  public warn(path: FieldPath, message: string): void {
    this.list.push({ path, message, severity: Severity.WARNING, code: Codes.SCHEMA_WARNING });
  }

  /** A finding built elsewhere (the schema's field errors). */
  public add(finding: Finding): void {
    this.list.push(finding);
  }

  /** An analyzer's finding of `type` on `object` at `path`, its template filled with `args` as Go's fmt would. */
  public report(object: ReportedObject, type: MessageType, path: FieldPath, ...args: unknown[]): void {
    if (object.external || object.refused) return;
    this.list.push({ path, message: goFormat(type.template, args), severity: type.level, code: type.code, objectIndex: object.index });
  }

  /** True when some finding is an error. */
  public hasErrors(): boolean {
    return this.list.some(finding => finding.severity === Severity.ERROR);
  }
}
