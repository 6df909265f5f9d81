import { IConstruct } from 'constructs';
import { Diagnostic } from './diagnostic';
import { disableAnalysis, disableValidation, enableBestPractices, suppressUnder } from './synth-hook';

// The engine loads on first use (see synth-hook.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const suppressionRules = (): typeof import('./suppression') => require('./suppression');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = (): typeof import('./validate') => require('./validate');

/** Options of `IstioValidation.validate()`. */
export interface ValidationOptions {
  /**
   * Also run the best-practice checks (codes `CI2xxx`, warnings and infos).
   * @default false
   */
  readonly bestPractices?: boolean;
}

/**
 * Offline validation of Istio objects, as the Kubernetes API server (CRD schema and CEL rules) would
 * validate them.
 *
 * Every Istio object in a cdk8s app is validated when the app or a chart synthesizes; this class is
 * the way to validate plain objects yourself, and the one way to switch synth-time validation off.
 */
export class IstioValidation {
  /**
   * Validates plain Kubernetes objects (as parsed from YAML or rendered by `toJson()`).
   *
   * Objects of Istio's API groups are checked; others are skipped (they are context for
   * cross-resource checks). Each diagnostic carries the index of its object in `objects`. Findings
   * whose code the object's `galley.istio.io/analyze-suppress` annotation lists (or `*`) are left
   * out, as istioctl analyze leaves them out.
   *
   * @param objects the objects to validate
   * @param options what to check besides the default checks
   * @returns the diagnostics, empty when everything is valid
   */
  public static validate(objects: any[], options: ValidationOptions = {}): Diagnostic[] {
    const { kept } = suppressionRules().applySuppressions(engine().validateObjects(objects, { bestPractices: options.bestPractices }), objects);
    // plain data for every jsii language: the structured path stays inside the package
    return kept.map(({ fieldPath: _, ...diagnostic }) => diagnostic);
  }

  /**
   * Suppresses the findings of one code on every object under `scope` at synth, for a reason.
   *
   * The suppressed findings are not gone: synthesis prints them all in one report, with the reason
   * (and names a suppression that matched nothing, so it can be removed once the finding is fixed).
   * For plain YAML, the object annotation `galley.istio.io/analyze-suppress` does the same, as with
   * istioctl analyze.
   *
   * @param scope the construct under which the code is suppressed (an L2 construct, a chart, the app)
   * @param code the code to suppress, e.g. `IST0173`
   * @param reason why the finding does not apply here (required, listed in the report)
   */
  public static suppress(scope: IConstruct, code: string, reason: string): void {
    suppressUnder(scope, code, reason);
  }

  /**
   * Runs the best-practice checks (codes `CI2xxx`, warnings and infos) at synth for the app `scope`
   * belongs to. They report what the product's best practices advise against (routes without a
   * timeout, retries that outlast it, subsets without outlier detection or connection pool, ...)
   * and never fail the synth.
   *
   * @param scope any construct of the app
   */
  public static bestPractices(scope: IConstruct): void {
    enableBestPractices(scope);
  }

  /**
   * Turns synth-time validation off for every object under `scope` (pass the `App` for all).
   *
   * @param scope the construct under which nothing is validated at synth
   */
  public static disable(scope: IConstruct): void {
    disableValidation(scope);
  }

  /**
   * Turns synth-time cross-resource analysis off for the app `scope` belongs to, keeping the checks of
   * each object on its own. For apps whose objects are not one mesh (a catalogue of examples), or
   * that deliberately refer to objects deployed elsewhere.
   *
   * @param scope any construct of the app
   */
  public static disableAnalysis(scope: IConstruct): void {
    disableAnalysis(scope);
  }

  private constructor() {}
}
