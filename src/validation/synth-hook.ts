/**
 * Validation at synth: every Istio object a cdk8s app renders — from L1 classes, L2 constructs or
 * `Include`d YAML — is checked when the app or a chart synthesizes (`app.synth()`, `app.synthYaml()`,
 * `Testing.synth()`, `chart.toJson()`: all run cdk8s' construct validation first).
 *
 * cdk8s offers no hook for "an ApiObject was created", but every ApiObject constructor calls
 * `Chart.of(this)`; the library wraps `Chart.of` once, when loaded, to attach a construct validation
 * to each ApiObject, and one to the root of its tree. cdk8s validates the root first: that validation
 * renders every object of the app as it will be written (`toJson()`, after L1 key mapping and JSON
 * patches) and validates them together (schema, webhook rules, cross-resource analysis); each object's
 * own validation then reports its findings, so cdk8s names its construct path.
 */
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Diagnostic, formatFinding, Severity } from './diagnostic';
import { isIstioObject, validateObjects } from './validate';

const disabledScopes = new WeakSet<IConstruct>();
const unanalyzedRoots = new WeakSet<IConstruct>();
const watchedObjects = new WeakSet<IConstruct>();
const watchedRoots = new WeakSet<IConstruct>();
/** Findings of the current validation pass, per root, per object. */
const passFindings = new WeakMap<IConstruct, Map<IConstruct, Diagnostic[]>>();
/**
 * Warnings already printed, per object: cdk8s validates the whole app again for every chart it
 * renders (`app.synth()` runs it once per chart, then for the app), and a warning is printed once.
 */
const printedWarnings = new WeakMap<IConstruct, Set<string>>();
const WRAPPED = Symbol.for('cdk8s-istio.validate-on-synth');

/** Turns synth-time validation off for everything under `scope`. */
export function disableValidation(scope: IConstruct): void {
  disabledScopes.add(scope);
}

/** Turns cross-resource analysis off for the app (or tree) `scope` belongs to; objects are still validated one by one. */
export function disableAnalysis(scope: IConstruct): void {
  unanalyzedRoots.add(scope.node.root);
}

function enabledFor(construct: IConstruct): boolean {
  return !construct.node.scopes.some(scope => disabledScopes.has(scope));
}

function isApiObject(construct: IConstruct): construct is ApiObject {
  // isPrototypeOf, not instanceof: while an ApiObject is being constructed, cdk8s' instanceof check
  // (a marker set at the end of the constructor) does not recognise it yet.
  return Object.prototype.isPrototypeOf.call(ApiObject.prototype, construct);
}

/** Validates all objects under `root` together; findings keyed by the object they are about. */
function validateTree(root: IConstruct): Map<IConstruct, Diagnostic[]> {
  const apiObjects = root.node.findAll().filter(isApiObject);
  // Objects with validation disabled still count as context (a route may point at them).
  const rendered = apiObjects.map(apiObject => apiObject.toJson());
  const findings = new Map<IConstruct, Diagnostic[]>();
  for (const diagnostic of validateObjects(rendered, { analysis: !unanalyzedRoots.has(root) })) {
    const apiObject = apiObjects[diagnostic.objectIndex!];
    if (!enabledFor(apiObject)) continue;
    const list = findings.get(apiObject) ?? [];
    list.push({ ...diagnostic, constructPath: apiObject.node.path });
    findings.set(apiObject, list);
  }
  return findings;
}

/** cdk8s reports each returned string as `[<construct path>] <message>` and fails the synth. */
function report(apiObject: ApiObject, diagnostics: Diagnostic[]): string[] {
  const errors: string[] = [];
  for (const diagnostic of diagnostics) {
    const line = `${diagnostic.code} ${formatFinding(diagnostic)}`;
    if (diagnostic.severity === Severity.ERROR) {
      errors.push(line);
    } else {
      const printed = printedWarnings.get(apiObject) ?? new Set<string>();
      printedWarnings.set(apiObject, printed);
      const warning = `[${apiObject.node.path}] ${diagnostic.severity}: ${line}`;
      if (!printed.has(warning)) console.warn(warning);
      printed.add(warning);
    }
  }
  return errors;
}

function objectFindings(apiObject: ApiObject): Diagnostic[] {
  const pass = passFindings.get(apiObject.node.root);
  if (pass) return pass.get(apiObject) ?? [];
  // Validated on its own (node.validate() called directly, outside a synth): no pass to read from.
  if (!enabledFor(apiObject)) return [];
  const json = apiObject.toJson();
  return isIstioObject(json) ? validateObjects([json]) : [];
}

function watch(construct: IConstruct): void {
  if (watchedObjects.has(construct) || !isApiObject(construct)) return;
  watchedObjects.add(construct);
  const root = construct.node.root;
  if (!watchedRoots.has(root)) {
    watchedRoots.add(root);
    root.node.addValidation({
      validate: () => {
        passFindings.set(root, validateTree(root));
        return [];
      },
    });
  }
  construct.node.addValidation({ validate: () => report(construct, objectFindings(construct)) });
}

/** Installs the `Chart.of` wrapper once per cdk8s copy. */
export function installSynthValidation(): void {
  const chartClass = Chart as unknown as Record<string | symbol, unknown>;
  if (chartClass[WRAPPED]) return;
  const chartOf = Chart.of;
  chartClass.of = function (this: typeof Chart, construct: IConstruct): Chart {
    const chart = chartOf.call(this, construct);
    watch(construct);
    return chart;
  };
  chartClass[WRAPPED] = true;
}
