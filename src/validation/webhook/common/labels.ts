/**
 * Label and workload-selector checks of Istio's webhook: labels.Instance.Validate (istio/pkg/config/labels),
 * validateWorkloadSelector and ValidateAlphaWorkloadSelector. Go iterates maps in random order; we
 * report in key order so results are stable.
 */
import { DNS1123_LABEL, isDNS1123Label } from './hosts';
import { goQuote } from '../../../go/format';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { isSet, stringMap } from '../../json';

const QUALIFIED_NAME = '(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
// A Kubernetes label key: an optional DNS-name prefix ending in '/', then a qualified name.
const TAG_KEY_RE = new RegExp(`^(${DNS1123_LABEL}(?:\\.${DNS1123_LABEL})*/)?(${QUALIFIED_NAME})$`);
const LABEL_VALUE_RE = new RegExp(`^(?:${QUALIFIED_NAME})?$`);

/** validateTagKey: Istio's error for an invalid label key. */
function checkTagKey(key: string): string | undefined {
  const match = TAG_KEY_RE.exec(key);
  if (!match) return `invalid tag key: ${goQuote(key)}`;
  if (match[1] && match[1].length - 1 > 253) return `invalid tag key: ${goQuote(key)} (DNS prefix is too long)`;
  if (match[2].length > 63) return `invalid tag key: ${goQuote(key)} (name is too long)`;
  return undefined;
}

/** labels.Instance.Validate: every key a Kubernetes label name, every value a label value (no length limit). */
export function validateLabels(path: FieldPath, findings: Findings, labels: unknown): void {
  const map = stringMap(labels);
  for (const key of Object.keys(map).sort()) {
    findings.errorIfAny(path.key(key), checkTagKey(key));
    const value = map[key];
    if (!LABEL_VALUE_RE.test(value)) findings.error(path.key(key), `invalid tag value: ${goQuote(value)}`);
  }
}

/** One selector label error: its key and Istio's message. */
export interface SelectorError {
  readonly key: string;
  readonly message: string;
}

/** The per-label errors shared by both selector validators: empty keys and wildcards. */
function selectorErrors(labels: Record<string, string>): SelectorError[] {
  const errors: SelectorError[] = [];
  for (const key of Object.keys(labels).sort()) {
    const value = labels[key];
    const pair = goQuote(`${key}=${value}`);
    if (key === '') errors.push({ key, message: `empty key is not supported in selector: ${pair}` });
    if (key.includes('*') || value.includes('*')) errors.push({ key, message: `wildcard is not supported in selector: ${pair}` });
  }
  return errors;
}

/**
 * ValidateAlphaWorkloadSelector (networking WorkloadSelector `labels`, used by ServiceEntry and Sidecar):
 * the errors, and the warning text for a selector without labels (each kind words its own warning).
 */
export function checkAlphaWorkloadSelector(selector: unknown): { errors: SelectorError[]; warning?: string } {
  if (!isSet(selector)) return { errors: [] };
  const labels = stringMap((selector as { labels?: unknown }).labels);
  const errors = selectorErrors(labels);
  return Object.keys(labels).length === 0 ? { errors, warning: 'workload selector specified without labels' } : { errors };
}

/**
 * ValidateAlphaWorkloadSelector as ServiceEntry and Sidecar report it, `path` being the selector's
 * (`spec.workloadSelector`): each error at its label, or the warning worded for the kind
 * (`service entry`, `sidecar`). False when there were errors: Istio then returns them alone, before
 * any other check.
 */
export function validateAlphaWorkloadSelector(path: FieldPath, findings: Findings, selector: unknown, kind: string): boolean {
  const { errors, warning } = checkAlphaWorkloadSelector(selector);
  if (errors.length > 0) {
    for (const { key, message } of errors) findings.error(path.child('labels').key(key), message);
    return false;
  }
  if (warning) findings.warn(path, `${kind}: ${warning}, will be applied to all services in namespace`);
  return true;
}

/** validateWorkloadSelector (type.v1beta1 WorkloadSelector `matchLabels`, e.g. DestinationRule). */
export function validateWorkloadSelector(path: FieldPath, findings: Findings, selector: unknown): void {
  if (!isSet(selector)) return;
  const labels = stringMap((selector as { matchLabels?: unknown }).matchLabels);
  for (const { key, message } of selectorErrors(labels)) findings.error(path.child('matchLabels').key(key), message);
  if (Object.keys(labels).length === 0) findings.warn(path, 'workload selector specified without labels');
}

/** validateSubsetName: a DNS-1123 label (DestinationRule subsets, VirtualService destinations). */
export function checkSubsetName(name: string): string | undefined {
  if (name.length === 0) return 'subset name cannot be empty';
  return isDNS1123Label(name) ? undefined : `subset name is invalid: ${name}`;
}
