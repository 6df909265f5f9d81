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
import { applySuppressions, knownCodes, Suppressor } from './suppression';
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
/** On a construct: the suppressions `IstioValidation.suppress()` put on it. */
const SUPPRESSIONS = Symbol.for('cdk8s-istio.suppressions');
/** On a root: the best-practice checks run at synth. */
const BEST_PRACTICES = Symbol.for('cdk8s-istio.best-practices');
/** The suppression report last printed, per root (printed again only when it changes). */
const printedReports = new WeakMap<IConstruct, string>();

/** A suppression put on a construct. */
interface ConstructSuppression {
  readonly code: string;
  readonly reason: string;
  /** Findings it suppressed in the current pass. */
  used: boolean;
}

/** A finding of a cdk8s app left out of the verdict: the object's construct path and what suppressed it. */
export interface SuppressedFinding {
  readonly diagnostic: Diagnostic;
  readonly constructPath: string;
  /** The annotation, or the `IstioValidation.suppress()` call and its reason. */
  readonly by: string;
}

type Marked = Record<symbol, unknown>;

/** Turns synth-time validation off for everything under `scope`. */
export function disableValidation(scope: IConstruct): void {
  disabledScopes.add(scope);
}

/** Turns cross-resource analysis off for the app (or tree) `scope` belongs to; objects are still validated one by one. */
export function disableAnalysis(scope: IConstruct): void {
  unanalyzedRoots.add(scope.node.root);
}

/**
 * Suppresses findings of `code` on every object under `scope`, for `reason`. Throws for an unknown
 * code or an empty reason.
 */
export function suppressUnder(scope: IConstruct, code: string, reason: string): void {
  const where = `IstioValidation.suppress(${scope.node.path ? `'${scope.node.path}'` : '<root>'}, '${code}')`;
  if (!knownCodes().has(code)) {
    throw new Error(`${where}: '${code}' is not a code cdk8s-istio reports; name one code (IST0106, IST0173, CI1002, ...: see the README, Validation)`);
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new Error(`${where}: a reason is required (why the finding does not apply, e.g. 'v2 ships next week'); it is listed with the suppressed findings at synth`);
  }
  const marked = scope as unknown as Marked;
  const list = (marked[SUPPRESSIONS] as ConstructSuppression[] | undefined) ?? [];
  list.push({ code, reason: reason.trim(), used: false });
  marked[SUPPRESSIONS] = list;
}

/** Turns the best-practice checks on at synth for the app (or tree) `scope` belongs to. */
export function enableBestPractices(scope: IConstruct): void {
  (scope.node.root as unknown as Marked)[BEST_PRACTICES] = true;
}

function constructSuppressions(construct: IConstruct): ConstructSuppression[] {
  return ((construct as unknown as Marked)[SUPPRESSIONS] as ConstructSuppression[] | undefined) ?? [];
}

/** Suppresses by the suppressions on `apiObject` and its scopes, the nearest first. */
function constructSuppressor(apiObject: IConstruct): Suppressor {
  return diagnostic => {
    for (const scope of [...apiObject.node.scopes].reverse()) {
      const match = constructSuppressions(scope).find(s => s.code === diagnostic.code);
      if (match) {
        match.used = true;
        return `IstioValidation.suppress() on '${scope.node.path || '<root>'}': ${match.reason}`;
      }
    }
    return undefined;
  };
}

function enabledFor(construct: IConstruct): boolean {
  return !construct.node.scopes.some(scope => disabledScopes.has(scope));
}

function isApiObject(construct: IConstruct): construct is ApiObject {
  // isPrototypeOf, not instanceof: while an ApiObject is being constructed, cdk8s' instanceof check
  // (a marker set at the end of the constructor) does not recognise it yet.
  return Object.prototype.isPrototypeOf.call(ApiObject.prototype, construct);
}

/**
 * Validates all objects under `root` together; findings keyed by the object they are about.
 * Suppressed findings are left out, and listed in one report printed once per root.
 */
function validateTree(root: IConstruct): Map<IConstruct, Diagnostic[]> {
  const nodes = root.node.findAll();
  const apiObjects = nodes.filter(isApiObject);
  // Objects with validation disabled still count as context (a route may point at them).
  const rendered = apiObjects.map(apiObject => apiObject.toJson());
  const diagnostics = validateObjects(rendered, {
    analysis: !unanalyzedRoots.has(root),
    bestPractices: (root as unknown as Marked)[BEST_PRACTICES] === true,
  }).filter(diagnostic => enabledFor(apiObjects[diagnostic.objectIndex]));
  for (const node of nodes) for (const suppression of constructSuppressions(node)) suppression.used = false;
  const { kept, suppressed } = applySuppressions(diagnostics, rendered,
    [(diagnostic, object) => constructSuppressor(apiObjects[diagnostic.objectIndex])(diagnostic, object)]);
  printSuppressionReport(root, nodes, suppressed.map(({ diagnostic, by }) =>
    ({ diagnostic, by, constructPath: apiObjects[diagnostic.objectIndex].node.path })));
  const findings = new Map<IConstruct, Diagnostic[]>();
  for (const diagnostic of kept) {
    const apiObject = apiObjects[diagnostic.objectIndex];
    const list = findings.get(apiObject) ?? [];
    list.push(diagnostic);
    findings.set(apiObject, list);
  }
  return findings;
}

/**
 * The suppressed findings of the app in one place, as cdk-nag lists its suppressions: one line per
 * finding with what suppressed it, then the `IstioValidation.suppress()` calls that matched nothing
 * (stale once the finding is gone). Printed when it first appears or changes.
 */
export function suppressionReport(suppressed: readonly SuppressedFinding[], unused: readonly string[]): string | undefined {
  if (suppressed.length === 0 && unused.length === 0) return undefined;
  const lines = [`cdk8s-istio: ${suppressed.length} ${suppressed.length === 1 ? 'finding' : 'findings'} suppressed`];
  for (const { diagnostic, by, constructPath } of suppressed) {
    lines.push(`  [${constructPath}] ${diagnostic.severity}: ${diagnostic.code} ${formatFinding(diagnostic)} (suppressed by ${by})`);
  }
  for (const line of unused) lines.push(`  unused: ${line}`);
  return lines.join('\n');
}

function printSuppressionReport(root: IConstruct, nodes: readonly IConstruct[], suppressed: readonly SuppressedFinding[]): void {
  const unused = nodes.flatMap(node => constructSuppressions(node).filter(s => !s.used)
    .map(s => `IstioValidation.suppress() of ${s.code} on '${node.node.path || '<root>'}' matched no finding: ${s.reason}`));
  const text = suppressionReport(suppressed, unused);
  if (text === undefined || printedReports.get(root) === text) return;
  printedReports.set(root, text);
  console.warn(text);
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
  if (!isIstioObject(json)) return [];
  return applySuppressions(validateObjects([json]), [json], [constructSuppressor(apiObject)]).kept;
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
