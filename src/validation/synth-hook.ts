/**
 * Validation at synth: every Istio object a cdk8s app renders — from L1 classes, L2 constructs or
 * `Include`d YAML — is checked when the app or a chart synthesizes (`app.synth()`, `app.synthYaml()`,
 * `Testing.synth()`, `chart.toJson()`: all run cdk8s' construct validation first).
 *
 * cdk8s offers no hook for "an ApiObject was created", but every ApiObject constructor calls
 * `Chart.of(this)`; the library wraps `Chart.of` once, when loaded, to attach a construct validation
 * to each ApiObject. The validation renders the object as it will be written (`toJson()`, after
 * every L1 key mapping and JSON patch), so errors name the construct path, the field and the rule.
 */
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { formatFinding, Severity } from './diagnostic';
import { isIstioObject, validateObjects } from './validate';

const disabledScopes = new WeakSet<IConstruct>();
const watched = new WeakSet<IConstruct>();
const WRAPPED = Symbol.for('cdk8s-istio.validate-on-synth');

/** Turns synth-time validation off for everything under `scope`. */
export function disableValidation(scope: IConstruct): void {
  disabledScopes.add(scope);
}

function enabledFor(construct: IConstruct): boolean {
  return !construct.node.scopes.some(scope => disabledScopes.has(scope));
}

/** cdk8s reports each returned string as `[<construct path>] <message>` and fails the synth. */
function validateRendered(apiObject: ApiObject): string[] {
  if (!enabledFor(apiObject)) return [];
  const json = apiObject.toJson();
  if (!isIstioObject(json)) return [];
  const errors: string[] = [];
  for (const diagnostic of validateObjects([json])) {
    const line = `${diagnostic.code} ${formatFinding(diagnostic)}`;
    if (diagnostic.severity === Severity.ERROR) {
      errors.push(line);
    } else {
      console.warn(`[${apiObject.node.path}] ${diagnostic.severity}: ${line}`);
    }
  }
  return errors;
}

function watch(construct: IConstruct): void {
  // isPrototypeOf, not instanceof: the ApiObject is still being constructed (cdk8s' instanceof
  // check looks for a marker set at the end of the constructor).
  if (watched.has(construct) || !Object.prototype.isPrototypeOf.call(ApiObject.prototype, construct)) return;
  watched.add(construct);
  construct.node.addValidation({ validate: () => validateRendered(construct as ApiObject) });
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
