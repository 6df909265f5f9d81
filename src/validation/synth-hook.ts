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
 * own validation then reports its findings, so cdk8s names its construct path. Inside a
 * `chart.toJson()` (validate the app, then write the chart's objects) each object's `toJson()` returns
 * the render the validation made, once, unless code the library does not own could have changed it
 * in between (see MARKS.renderPass): cdk8s writes what was validated without rendering it again.
 *
 * No state lives in this module: everything is a mark on a construct under a `Symbol.for` key (as
 * cdk8s marks its ApiObjects), so two copies of the library in one app (two versions pulled in by two
 * dependencies, sharing the app's cdk8s) read and write the same marks. Whichever copy wraps
 * `Chart.of` first validates the whole app; `IstioValidation` of the other copy is honoured. The keys
 * and the shape of their values (MARKS below) are a contract between copies: change one only with a
 * new key.
 *
 * Everything synth-time validation prints (warnings, infos, the suppression report) goes through one
 * reporter per app (`setSynthReporter`), console.warn unless replaced; errors fail the synth through
 * cdk8s.
 */
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Diagnostic, formatFinding, Severity } from './diagnostic';
import type { Suppressor } from './suppression';

// The engine and the suppression rules load on first use, not with the library: a cold
// `require('cdk8s-istio')` stays small, and an app pays for them when it synthesizes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const suppressionRules = (): typeof import('./suppression') => require('./suppression');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = (): typeof import('./validate') => require('./validate');

const WRAPPED = Symbol.for('cdk8s-istio.validate-on-synth');

/** The marks, by the construct they are put on and what their value is. Shared by every copy of the library. */
const MARKS = {
  /** Any scope: `true` when `IstioValidation.disable()` turned synth-time validation off under it. */
  disabled: Symbol.for('cdk8s-istio.validation-disabled'),
  /** A root: `true` when `IstioValidation.disableAnalysis()` turned cross-resource analysis off. */
  analysisOff: Symbol.for('cdk8s-istio.analysis-disabled'),
  /** A root: `true` when `IstioValidation.bestPractices()` turned the CI2xxx checks on. */
  bestPractices: Symbol.for('cdk8s-istio.best-practices'),
  /** Any scope: the `ConstructSuppression[]` `IstioValidation.suppress()` put on it. */
  suppressions: Symbol.for('cdk8s-istio.suppressions'),
  /** An ApiObject or a root: `true` once its validation is attached (attached once, whichever copy sees it first). */
  watched: Symbol.for('cdk8s-istio.watched'),
  /** A root: the findings of the current validation pass, `Map<ApiObject, Diagnostic[]>`. */
  passFindings: Symbol.for('cdk8s-istio.pass-findings'),
  /**
   * An ApiObject: the warning lines already reported, `Set<string>`. cdk8s validates the whole app
   * again for every chart it renders (`app.synth()` runs it once per chart, then for the app), and
   * a warning is reported once.
   */
  reportedWarnings: Symbol.for('cdk8s-istio.reported-warnings'),
  /** A root: the suppression report last reported, `string` (reported again only when it changes). */
  reportedSuppressions: Symbol.for('cdk8s-istio.reported-suppressions'),
  /** A root: the `SynthReporter` its output goes to. */
  reporter: Symbol.for('cdk8s-istio.synth-reporter'),
  /**
   * A root: the render pass open, an object compared by identity (`undefined`: none). A pass is one
   * `chart.toJson()` (which `Testing.synth()`, `app.synth()` and `app.synthYaml()` call for each
   * chart): cdk8s validates the app, then writes the chart's objects. Replaced by a new object
   * whenever code the library does not own may have run (a reporter, a nested `chart.toJson()`), which
   * invalidates every render of the pass.
   */
  renderPass: Symbol.for('cdk8s-istio.render-pass'),
  /**
   * An ApiObject: its render by the validation of the open pass, `RenderMemo`, taken (and removed) by
   * the object's next `toJson()`, so cdk8s writes the object it validated without rendering it again.
   */
  rendered: Symbol.for('cdk8s-istio.rendered'),
  /** A construct validation (`IValidation`) the library added: `true`. Any other validation in the app turns render reuse off. */
  ownValidation: Symbol.for('cdk8s-istio.own-validation'),
} as const;

/** The value of the `rendered` mark. */
interface RenderMemo {
  /** The pass it was rendered in: reused only while that pass is open and unchanged. */
  readonly pass: object;
  /** What `toJson()` returned. */
  readonly json: unknown;
  /** How many JSON patches the object had (one added since: rendered again). */
  readonly patches: number;
}

function getMark<T>(construct: object, key: symbol): T | undefined {
  return (construct as Record<symbol, T | undefined>)[key];
}

/** Sets a mark: not enumerable, like cdk8s' own, so nothing that walks the construct's keys sees it. */
function setMark(construct: object, key: symbol | 'toJson', value: unknown): void {
  // a mark set before is rewritten in place: defineProperty on every synth costs time on large apps
  if (Object.prototype.hasOwnProperty.call(construct, key)) (construct as Record<symbol | string, unknown>)[key] = value;
  else Object.defineProperty(construct, key, { value, writable: true, configurable: true, enumerable: false });
}

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

/** One piece of synth-time output. `text` is what the default reporter prints. */
export type SynthMessage =
  /** A warning or info about one object (errors fail the synth instead). */
  | { readonly type: 'finding'; readonly constructPath: string; readonly diagnostic: Diagnostic; readonly text: string }
  /** The app's suppressed findings and the suppressions that matched nothing, in one report. */
  | { readonly type: 'suppressions'; readonly suppressed: readonly SuppressedFinding[]; readonly unused: readonly string[]; readonly text: string };

/** Where the synth-time output of an app goes: one call per message, each message once. */
export type SynthReporter = (message: SynthMessage) => void;

/** The default: each message's text to console.warn (stderr). */
export const consoleReporter: SynthReporter = message => console.warn(message.text);

/**
 * Sends the synth-time output of the app `scope` belongs to to `reporter` (internal: for tests and
 * tools that capture it). Returns the reporter it replaces.
 */
export function setSynthReporter(scope: IConstruct, reporter: SynthReporter): SynthReporter {
  const root = scope.node.root;
  const previous = reporterOf(root);
  setMark(root, MARKS.reporter, reporter);
  return previous;
}

function reporterOf(root: IConstruct): SynthReporter {
  return getMark<SynthReporter>(root, MARKS.reporter) ?? consoleReporter;
}

/** Sends `message` to the app's reporter: code the library does not own, so the pass's renders are not reused. */
function send(root: IConstruct, message: SynthMessage): void {
  invalidateRenders(root);
  reporterOf(root)(message);
}

function invalidateRenders(root: IConstruct): void {
  if (getMark(root, MARKS.renderPass) !== undefined) setMark(root, MARKS.renderPass, {});
}

/** The JSON patches an ApiObject has (cdk8s keeps them in a private array); `undefined` if that cannot be read. */
function patchCount(apiObject: ApiObject): number | undefined {
  const patches = (apiObject as unknown as { patches?: unknown }).patches;
  return Array.isArray(patches) ? patches.length : undefined;
}

/** What the object's class renders (its own `toJson()`, never the memo). */
function renderFresh(apiObject: ApiObject): unknown {
  return (Object.getPrototypeOf(apiObject) as ApiObject).toJson.call(apiObject);
}

/**
 * An ApiObject's `toJson()` (own property, set when its validation is attached): the render of the
 * pass's validation once, if still valid, else the class's render.
 */
function renderOnce(this: ApiObject): unknown {
  const memo = getMark<RenderMemo>(this, MARKS.rendered);
  if (memo === undefined) return renderFresh(this);
  setMark(this, MARKS.rendered, undefined);
  if (memo.pass === getMark(this.node.root, MARKS.renderPass) && memo.patches === patchCount(this)) return memo.json;
  return renderFresh(this);
}

/**
 * Whether every construct validation under the root is the library's: no code of others runs between
 * the root's validation (which renders every object) and the writing of the objects.
 */
function onlyOwnValidations(nodes: readonly IConstruct[]): boolean {
  return nodes.every(node => {
    // constructs keeps the validations in a private array: unknown (not an array) counts as others'.
    const validations = (node.node as unknown as { _validations?: unknown })._validations;
    return Array.isArray(validations) && validations.every(v => getMark(v, MARKS.ownValidation) === true);
  });
}

/** Turns synth-time validation off for everything under `scope`. */
export function disableValidation(scope: IConstruct): void {
  setMark(scope, MARKS.disabled, true);
}

/** Turns cross-resource analysis off for the app (or tree) `scope` belongs to; objects are still validated one by one. */
export function disableAnalysis(scope: IConstruct): void {
  setMark(scope.node.root, MARKS.analysisOff, true);
}

/**
 * Suppresses findings of `code` on every object under `scope`, for `reason`. Throws for an unknown
 * code or an empty reason.
 */
export function suppressUnder(scope: IConstruct, code: string, reason: string): void {
  const where = `IstioValidation.suppress(${scope.node.path ? `'${scope.node.path}'` : '<root>'}, '${code}')`;
  if (!suppressionRules().knownCodes().has(code)) {
    throw new Error(`${where}: '${code}' is not a code cdk8s-istio reports; name one code (IST0106, IST0173, CI1002, ...: see the README, Validation)`);
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new Error(`${where}: a reason is required (why the finding does not apply, e.g. 'v2 ships next week'); it is listed with the suppressed findings at synth`);
  }
  setMark(scope, MARKS.suppressions, [...constructSuppressions(scope), { code, reason: reason.trim(), used: false }]);
}

/** Turns the best-practice checks on at synth for the app (or tree) `scope` belongs to. */
export function enableBestPractices(scope: IConstruct): void {
  setMark(scope.node.root, MARKS.bestPractices, true);
}

function constructSuppressions(construct: IConstruct): ConstructSuppression[] {
  return getMark<ConstructSuppression[]>(construct, MARKS.suppressions) ?? [];
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
  return !construct.node.scopes.some(scope => getMark(scope, MARKS.disabled) === true);
}

/**
 * While an ApiObject is being constructed (when `Chart.of` runs), cdk8s' `ApiObject.isApiObject()`
 * (a mark set at the end of the constructor) does not recognise it yet: the prototype does. The
 * construct comes from the cdk8s copy whose `Chart.of` was wrapped, so its prototype is that copy's.
 */
function isApiObjectUnderConstruction(construct: IConstruct): construct is ApiObject {
  return Object.prototype.isPrototypeOf.call(ApiObject.prototype, construct);
}

/**
 * Validates all objects under `root` together; findings keyed by the object they are about.
 * Suppressed findings are left out, and listed in one report, reported once per root.
 */
/** True for an apiVersion of one of Istio's API groups (`networking.istio.io/v1`, ...). */
function isIstioApiVersion(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  return slash > 0 && apiVersion.slice(0, slash).endsWith('.istio.io');
}

function validateTree(root: IConstruct): Map<IConstruct, Diagnostic[]> {
  const pass = getMark<object>(root, MARKS.renderPass);
  const nodes = root.node.findAll();
  // At synth every ApiObject is constructed: cdk8s' own test, which holds across cdk8s copies.
  const apiObjects = nodes.filter(ApiObject.isApiObject);
  // No Istio object to report on (none in the app, or validation off for each): nothing is rendered.
  if (!apiObjects.some(apiObject => enabledFor(apiObject) && isIstioApiVersion(apiObject.apiVersion))) return new Map();
  // Objects with validation disabled still count as context (a route may point at them).
  // The JSON patches each object has as it renders (one a later render adds: rendered again when written).
  const patches = apiObjects.map(patchCount);
  const rendered = apiObjects.map((apiObject, i) => {
    patches[i] = patchCount(apiObject);
    return renderFresh(apiObject);
  });
  const diagnostics = engine().validateObjects(rendered, {
    analysis: getMark(root, MARKS.analysisOff) !== true,
    bestPractices: getMark(root, MARKS.bestPractices) === true,
  }).filter(diagnostic => enabledFor(apiObjects[diagnostic.objectIndex]));
  for (const node of nodes) for (const suppression of constructSuppressions(node)) suppression.used = false;
  const { kept, suppressed } = suppressionRules().applySuppressions(diagnostics, rendered,
    [(diagnostic, object) => constructSuppressor(apiObjects[diagnostic.objectIndex])(diagnostic, object)]);
  reportSuppressions(root, nodes, suppressed.map(({ diagnostic, by }) =>
    ({ diagnostic, by, constructPath: apiObjects[diagnostic.objectIndex].node.path })));
  const findings = new Map<IConstruct, Diagnostic[]>();
  for (const diagnostic of kept) {
    const apiObject = apiObjects[diagnostic.objectIndex];
    const list = findings.get(apiObject) ?? [];
    list.push(diagnostic);
    findings.set(apiObject, list);
  }
  // Inside a chart.toJson(), cdk8s writes the objects next: each object keeps this render for it,
  // unless code the library does not own ran since the pass opened or may run before the writing.
  if (pass !== undefined && getMark(root, MARKS.renderPass) === pass && onlyOwnValidations(nodes)) {
    apiObjects.forEach((apiObject, i) => {
      const count = patches[i];
      if (count !== undefined) setMark(apiObject, MARKS.rendered, { pass, json: rendered[i], patches: count } satisfies RenderMemo);
    });
  }
  return findings;
}

/**
 * The suppressed findings of the app in one place, as cdk-nag lists its suppressions: one line per
 * finding with what suppressed it, then the `IstioValidation.suppress()` calls that matched nothing
 * (stale once the finding is gone).
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

/** Reports the suppression report when it first appears or changes. */
function reportSuppressions(root: IConstruct, nodes: readonly IConstruct[], suppressed: readonly SuppressedFinding[]): void {
  const unused = nodes.flatMap(node => constructSuppressions(node).filter(s => !s.used)
    .map(s => `IstioValidation.suppress() of ${s.code} on '${node.node.path || '<root>'}' matched no finding: ${s.reason}`));
  const text = suppressionReport(suppressed, unused);
  if (text === undefined || getMark<string>(root, MARKS.reportedSuppressions) === text) return;
  setMark(root, MARKS.reportedSuppressions, text);
  send(root, { type: 'suppressions', suppressed, unused, text });
}

/** cdk8s reports each returned string as `[<construct path>] <message>` and fails the synth; warnings and infos go to the reporter, once. */
function report(apiObject: ApiObject, diagnostics: Diagnostic[]): string[] {
  const errors: string[] = [];
  for (const diagnostic of diagnostics) {
    const line = `${diagnostic.code} ${formatFinding(diagnostic)}`;
    if (diagnostic.severity === Severity.ERROR) {
      errors.push(line);
      continue;
    }
    const reported = getMark<Set<string>>(apiObject, MARKS.reportedWarnings) ?? new Set<string>();
    setMark(apiObject, MARKS.reportedWarnings, reported);
    const constructPath = apiObject.node.path;
    const text = `[${constructPath}] ${diagnostic.severity}: ${line}`;
    if (reported.has(text)) continue;
    reported.add(text);
    send(apiObject.node.root, { type: 'finding', constructPath, diagnostic, text });
  }
  return errors;
}

function objectFindings(apiObject: ApiObject): Diagnostic[] {
  const pass = getMark<Map<IConstruct, Diagnostic[]>>(apiObject.node.root, MARKS.passFindings);
  if (pass) return pass.get(apiObject) ?? [];
  // Validated on its own (node.validate() called directly, outside a synth): no pass to read from.
  if (!enabledFor(apiObject)) return [];
  const json = renderFresh(apiObject);
  if (!engine().isIstioObject(json)) return [];
  return suppressionRules().applySuppressions(engine().validateObjects([json]), [json], [constructSuppressor(apiObject)]).kept;
}

function watch(construct: IConstruct): void {
  if (getMark(construct, MARKS.watched) === true || !isApiObjectUnderConstruction(construct)) return;
  setMark(construct, MARKS.watched, true);
  const root = construct.node.root;
  if (getMark(root, MARKS.watched) !== true) {
    setMark(root, MARKS.watched, true);
    root.node.addValidation(ownValidation(() => {
      setMark(root, MARKS.passFindings, validateTree(root));
      return [];
    }));
  }
  construct.node.addValidation(ownValidation(() => report(construct, objectFindings(construct))));
  setMark(construct, 'toJson', renderOnce);
}

function ownValidation(validate: () => string[]): { validate: () => string[] } {
  const validation = { validate };
  setMark(validation, MARKS.ownValidation, true);
  return validation;
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
  // One render pass per chart.toJson() (see MARKS.renderPass); a nested one invalidates the outer one's renders.
  const chartToJson = Chart.prototype.toJson;
  Chart.prototype.toJson = function (this: Chart): any[] {
    const root = this.node.root;
    const outer = getMark(root, MARKS.renderPass);
    setMark(root, MARKS.renderPass, {});
    try {
      return chartToJson.call(this);
    } finally {
      setMark(root, MARKS.renderPass, outer === undefined ? undefined : {});
    }
  };
  chartClass[WRAPPED] = true;
}
