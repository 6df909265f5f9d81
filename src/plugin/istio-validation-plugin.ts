/**
 * A cdk8s-cli validation plugin: `cdk8s synth` hands it the manifests an app synthesized — in any
 * language, plain or Helm format, `Include`d YAML too — and it reports Istio's verdict on them in
 * cdk8s-cli's table, with construct paths.
 */
import { readFileSync } from 'fs';
import { IIstioValidationPluginContext, IstioValidationPluginViolatingResource, IstioValidationPluginViolation } from './contract';
import { Codes, Diagnostic, describeObject, Severity } from '../validation/diagnostic';

// The YAML reader, the engine and the analyzers' messages load when cdk8s-cli runs the plugin,
// not with the library (`require('cdk8s-istio')` stays small for apps that never use it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsYaml = (): typeof import('js-yaml') => require('js-yaml');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const messages = (): typeof import('../validation/analysis/core/messages') => require('../validation/analysis/core/messages');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = (): typeof import('../validation/validate') => require('../validation/validate');

/** Properties of the plugin: the `properties` of its entry in `cdk8s.yaml`. */
export interface IstioValidationPluginProps {
  /**
   * Whether to run cross-resource analysis (gateways, subsets and hosts that do not exist, conflicts
   * between objects, ...) over all the app's manifests together. Switch it off for an app whose
   * objects refer to objects deployed elsewhere; each object is still checked on its own.
   *
   * @default true
   */
  readonly analysis?: boolean;
}

const KNOWN_PROPERTIES = ['analysis'];
/** istioctl's names for the levels, in the order the report lists them. */
const LEVELS: ReadonlyArray<[Severity, string]> = [[Severity.ERROR, 'Error'], [Severity.WARNING, 'Warning'], [Severity.INFO, 'Info']];

/** One document of a manifest. */
interface ManifestDocument {
  readonly value: unknown;
  readonly manifest: string;
}

/**
 * Validates the Istio objects of a cdk8s app at `cdk8s synth`, for apps in any language: declare it
 * in the app's `cdk8s.yaml` and cdk8s-cli loads it from this package.
 *
 * Every Istio object of the synthesized manifests is checked as by `IstioValidation.validate()`
 * (CRD schema and CEL rules, Istio's webhook rules, then cross-resource analysis over all the
 * manifests together). Each finding becomes a violation named like istioctl's messages
 * (`Error [IST0101] ReferencedResourceNotFound`), located by the object and field path; an error
 * fails the validation (`cdk8s synth` exits with status 2), warnings and infos are listed only.
 *
 * @example
 * // cdk8s.yaml of the app:
 * //   validations:
 * //     - package: cdk8s-istio
 * //       version: 0.0.0
 * //       class: IstioValidationPlugin
 * //       properties:
 * //         analysis: true
 * new IstioValidationPlugin({ analysis: true });
 */
export class IstioValidationPlugin {
  private readonly analysis: boolean;

  constructor(props: IstioValidationPluginProps = {}) {
    checkProperties(props);
    this.analysis = props.analysis ?? true;
  }

  /** Validates the manifests of `context` and submits its report; cdk8s-cli calls it once per synth. */
  public async validate(context: IIstioValidationPluginContext): Promise<void> {
    const documents: ManifestDocument[] = [];
    let unreadable = false;
    for (const manifest of context.manifests) {
      try {
        for (const value of readManifest(manifest)) documents.push({ value, manifest });
      } catch (error) {
        unreadable = true;
        context.report.addViolation(unreadableManifest(manifest, error));
      }
    }
    const diagnostics = engine().validateObjects(documents.map(document => document.value), { analysis: this.analysis });
    for (const violation of toViolations(diagnostics, documents)) context.report.addViolation(violation);

    const count = (severity: Severity) => String(diagnostics.filter(diagnostic => diagnostic.severity === severity).length);
    const failed = unreadable || diagnostics.some(diagnostic => diagnostic.severity === Severity.ERROR);
    context.report.submit(failed ? 'failure' : 'success', {
      'Istio objects': String(documents.filter(document => engine().isIstioObject(document.value)).length),
      'Errors': count(Severity.ERROR),
      'Warnings': count(Severity.WARNING),
      'Infos': count(Severity.INFO),
      'Cross-resource analysis': this.analysis ? 'on' : 'off',
    });
  }
}

/** cdk8s-cli passes whatever `properties` holds in cdk8s.yaml: reject what would be silently ignored. */
function checkProperties(props: unknown): void {
  const where = 'IstioValidationPlugin: cdk8s.yaml validations[].properties';
  if (props === null || typeof props !== 'object' || Array.isArray(props)) {
    throw new Error(`${where} must be a mapping, got ${JSON.stringify(props)}; known properties: ${KNOWN_PROPERTIES.join(', ')}`);
  }
  for (const [key, value] of Object.entries(props)) {
    if (!KNOWN_PROPERTIES.includes(key)) {
      throw new Error(`${where}: unknown property "${key}"; known properties: ${KNOWN_PROPERTIES.join(', ')}`);
    }
    if (value !== undefined && typeof value !== 'boolean') {
      throw new Error(`${where}: "${key}" must be true or false, got ${JSON.stringify(value)}`);
    }
  }
}

/** The documents of a manifest (empty ones dropped), read as Kubernetes reads YAML. */
function readManifest(path: string): unknown[] {
  const text = readFileSync(path, 'utf-8');
  // Kubernetes' YAML reader (go-yaml) honours merge keys (`<<: *defaults`); js-yaml's default schema does not.
  const { CORE_SCHEMA, loadAll, mergeTag } = jsYaml();
  return loadAll(text, { schema: CORE_SCHEMA.withTags(mergeTag), filename: path }).filter(value => value !== null && value !== undefined);
}

function unreadableManifest(manifest: string, error: unknown): IstioValidationPluginViolation {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleName: 'Error: manifest not readable',
    recommendation: `the manifest could not be read as YAML, so its objects were not validated: ${reason}`,
    fix: 'synthesize the app again; if the file is Include\'d, check its YAML',
    violatingResources: [{ resourceName: manifest, locations: [reason.split('\n')[0]], manifestPath: manifest }],
  };
}

/**
 * The findings as violations, errors first: one per level, code and message, with every resource it
 * was found on and, per resource, every field path.
 */
function toViolations(diagnostics: readonly Diagnostic[], documents: readonly ManifestDocument[]): IstioValidationPluginViolation[] {
  const names = nameCounts(documents);
  const violations: IstioValidationPluginViolation[] = [];
  for (const [severity, level] of LEVELS) {
    const groups = new Map<string, Diagnostic[]>();
    for (const diagnostic of diagnostics.filter(d => d.severity === severity)) {
      const key = `${diagnostic.code}\n${diagnostic.message}`;
      groups.set(key, [...groups.get(key) ?? [], diagnostic]);
    }
    for (const group of groups.values()) {
      const { code, message } = group[0];
      violations.push({
        ruleName: `${level} [${code}] ${ruleNames().get(code) ?? ''}`.trimEnd(),
        recommendation: message,
        fix: fixFor(code),
        violatingResources: violatingResources(group, documents, names),
      });
    }
  }
  return violations;
}

/** One entry per object (and manifest), its field paths as locations. */
function violatingResources(
  group: readonly Diagnostic[], documents: readonly ManifestDocument[], names: ReadonlyMap<string, number>,
): IstioValidationPluginViolatingResource[] {
  const resources = new Map<number, { resourceName: string; locations: string[]; manifestPath: string }>();
  for (const diagnostic of group) {
    const index = diagnostic.objectIndex;
    const location = diagnostic.path ? `${describeObject(diagnostic)}: ${diagnostic.path}` : describeObject(diagnostic);
    const existing = resources.get(index);
    if (existing) {
      if (!existing.locations.includes(location)) existing.locations.push(location);
      continue;
    }
    resources.set(index, {
      resourceName: resourceName(diagnostic, names),
      locations: [location],
      manifestPath: documents[index].manifest,
    });
  }
  return [...resources.values()];
}

/**
 * cdk8s-cli finds the construct path by `metadata.name` (its construct metadata is keyed by name
 * alone). When several objects of the app share the name (a Service and a VirtualService `reviews`),
 * that path may be another object's: name the object by kind and namespace instead, and cdk8s-cli
 * shows no construct path rather than a wrong one.
 */
function resourceName(diagnostic: Diagnostic, names: ReadonlyMap<string, number>): string {
  return diagnostic.name && names.get(diagnostic.name) === 1 ? diagnostic.name : describeObject(diagnostic);
}

function nameCounts(documents: readonly ManifestDocument[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { value } of documents) {
    const metadata = isMapping(value) && isMapping(value.metadata) ? value.metadata : undefined;
    if (typeof metadata?.name === 'string') counts.set(metadata.name, (counts.get(metadata.name) ?? 0) + 1);
  }
  return counts;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** istioctl documents each of its codes on istio.io; ours are listed in the package. */
function fixFor(code: string): string {
  return code.startsWith('IST')
    ? `https://istio.io/latest/docs/reference/config/analysis/${code.toLowerCase()}/`
    : `see ${code} in cdk8s-istio's validation docs (README, "Validation")`;
}

let names: Map<string, string> | undefined;

/** istioctl's name of each code (`ReferencedResourceNotFound`), and ours for CI codes. */
function ruleNames(): Map<string, string> {
  if (!names) {
    names = new Map([[Codes.SCHEMA_VALIDATION_ERROR, 'SchemaValidationError'], [Codes.SCHEMA_WARNING, 'SchemaWarning']]);
    const { IstioMessages, OwnMessages } = messages();
    for (const type of [...Object.values(IstioMessages), ...Object.values(OwnMessages)]) {
      names.set(type.code, type.name);
    }
  }
  return names;
}
