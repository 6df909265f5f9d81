import { IConstruct } from 'constructs';
import { Diagnostic } from './diagnostic';
import { disableAnalysis, disableValidation } from './synth-hook';
import { validateObjects } from './validate';

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
   * cross-resource checks). Each diagnostic carries the index of its object in `objects`.
   *
   * @param objects the objects to validate
   * @returns the diagnostics, empty when everything is valid
   */
  public static validate(objects: any[]): Diagnostic[] {
    return validateObjects(objects);
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
