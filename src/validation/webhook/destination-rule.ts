/** Istio's webhook rules for DestinationRule (ValidateDestinationRule in istio/pkg/config/validation). */
import { isSet } from '../json';
import { validateExportTo } from './common/export-to';
import { validateWildcardDomain } from './common/hosts';
import { validateLabels, validateSubsetName, validateWorkloadSelector } from './common/labels';
import { ErrorsOnly, validateTrafficPolicy } from './common/traffic-policy';
import { Findings, KindValidator } from './types';

/** validateSubset: name, labels and traffic policy; Istio joins them with appendErrors, so warnings are dropped. */
function validateSubset(f: Findings, path: string, namespace: string, subset: any): void {
  const errors = new ErrorsOnly(f);
  const nameError = validateSubsetName(String(subset.name ?? ''));
  if (nameError) errors.error(`${path}.name`, nameError);
  validateLabels(errors, `${path}.labels`, subset.labels);
  validateTrafficPolicy(errors, `${path}.trafficPolicy`, namespace, subset.trafficPolicy);
}

export const validateDestinationRule: KindValidator = obj => {
  const f = new Findings();
  const spec = obj.spec;
  const hostError = validateWildcardDomain(String(spec.host ?? ''));
  if (hostError) f.error('spec.host', hostError);
  validateTrafficPolicy(f, 'spec.trafficPolicy', obj.namespace, spec.trafficPolicy);

  const names = new Set<string>();
  const subsets: any[] = Array.isArray(spec.subsets) ? spec.subsets : [];
  subsets.forEach((subset, i) => {
    const path = `spec.subsets[${i}]`;
    if (!isSet(subset)) {
      f.error(path, 'subset may not be null');
      return;
    }
    const name = String(subset.name ?? '');
    if (names.has(name)) f.error(`${path}.name`, `duplicate subset names: ${name}`);
    names.add(name);
    validateSubset(f, path, obj.namespace, subset);
  });

  validateExportTo(f, 'spec.exportTo', obj.namespace, spec.exportTo, { isDestinationRuleWithSelector: isSet(spec.workloadSelector) });
  validateWorkloadSelector(f, 'spec.workloadSelector', spec.workloadSelector);
  return f.list;
};
