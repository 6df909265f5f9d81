/**
 * The part of cdk8s-cli's validation plugin contract the plugin uses, written out structurally so
 * cdk8s-cli stays a development dependency (it is the caller, never a library we load). Mirrors
 * `cdk8s-cli/lib/plugins/validation.d.ts` (`ValidationContext`, `ValidationReport`,
 * `ValidationViolation`, `ValidationViolatingResource`), checked against it by
 * test/plugin/istio-validation-plugin.test.ts.
 */

/** What cdk8s-cli hands a validation plugin at `cdk8s synth`: its `ValidationContext`. */
export interface IIstioValidationPluginContext {
  /** Paths of the manifests the app synthesized (for Helm output, the files under `templates/`). */
  readonly manifests: string[];

  /** The report the plugin fills: cdk8s-cli prints it as a table and fails the synth if it failed. */
  readonly report: IIstioValidationPluginReport;
}

/** cdk8s-cli's `ValidationReport`. */
export interface IIstioValidationPluginReport {
  /**
   * Adds a violation. cdk8s-cli fills each resource's construct path from the app's construct metadata,
   * looked up by `resourceName`.
   */
  addViolation(violation: IstioValidationPluginViolation): void;

  /**
   * Completes the report.
   *
   * @param status `success` or `failure`; a failure makes `cdk8s synth` exit with status 2
   * @param metadata rows added to the report's summary table
   */
  submit(status: string, metadata?: { [key: string]: string }): void;
}

/** A violation as cdk8s-cli prints it: a rule and the resources that break it. */
export interface IstioValidationPluginViolation {
  /** The rule, the title of the violation in cdk8s-cli's report. */
  readonly ruleName: string;

  /** What is wrong and what to do (cdk8s-cli's "Recommendation"). */
  readonly recommendation: string;

  /** Where to read how to fix it (cdk8s-cli's "How to fix"). */
  readonly fix: string;

  /** The resources that break the rule. */
  readonly violatingResources: IstioValidationPluginViolatingResource[];
}

/** One resource in a violation. */
export interface IstioValidationPluginViolatingResource {
  /** `metadata.name`, the key of the construct metadata cdk8s-cli reads the construct path from. */
  readonly resourceName: string;

  /** Where in the resource, e.g. `VirtualService shop/reviews: spec.gateways[0]`. */
  readonly locations: string[];

  /** The manifest the resource is in. */
  readonly manifestPath: string;
}
