/**
 * validateExportTo of Istio's webhook (DestinationRule, ServiceEntry, VirtualService) and
 * visibility.Instance.Validate.
 */
import { isDNS1123Label } from './hosts';
import { FieldPath } from '../../field-path';
import { Findings } from '../../findings';
import { stringItems } from '../../json';

/** Options of validateExportTo. */
export interface ExportToOptions {
  /** ServiceEntry: `~` (visible to no one) is allowed. */
  readonly isServiceEntry?: boolean;
  /** DestinationRule with a workloadSelector: only the own namespace is allowed. */
  readonly isDestinationRuleWithSelector?: boolean;
}

/** visibility.Instance.Validate: '.', '*' or a namespace name. */
function checkVisibility(value: string): string | undefined {
  if (value === '.' || value === '*') return undefined;
  if (value === '~') return 'exportTo ~ (none) is not allowed for Istio configuration objects';
  return isDNS1123Label(value) ? undefined : 'only .,*, or a valid DNS 1123 label is allowed as exportTo entry';
}

/**
 * validateExportTo: `path` is the exportTo field, `namespace` the object's namespace ('' when unknown:
 * istiod always knows it; we then treat '.' as a namespace of its own instead of rejecting it).
 */
export function validateExportTo(path: FieldPath, findings: Findings, namespace: string, exportTo: unknown, options: ExportToOptions = {}): void {
  const entries = stringItems(exportTo);
  if (entries.length === 0) return;
  const current = namespace === '' ? '.' : namespace;
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    // '.' is the current namespace: '., ns' is a duplicate when ns is the object's own namespace.
    const key = entry === '.' ? current : entry;
    if (seen.has(key)) {
      findings.error(path.index(i), key !== entry
        ? `duplicate entries in exportTo: . and current namespace ${namespace}`
        : `duplicate entries in exportTo for entry ${entry}`);
      return;
    }
    if (options.isServiceEntry && entry === '~') {
      seen.add(key);
      return;
    }
    const invalid = checkVisibility(key);
    if (invalid) findings.error(path.index(i), invalid);
    else seen.add(key);
  });

  if (options.isDestinationRuleWithSelector && seen.size > 0) {
    if (!seen.has(current)) {
      findings.error(path, 'destination rule with workload selector cannot have exportTo beyond current namespace');
    } else if (seen.size > 1) {
      findings.error(path, 'destination rule with workload selector cannot have multiple entries in exportTo');
    }
  }
  if (seen.has('*') && entries.length > 1) findings.error(path, 'cannot have both public (*) and non-public exportTo values for a resource');
  if (seen.has('~') && entries.length > 1) findings.error(path, 'cannot export service entry to no one (~) and someone');
}
