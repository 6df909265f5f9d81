/** Istio's webhook rules for DestinationRule (ValidateDestinationRule in istio/pkg/config/validation). */
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isSet, listOf, stringOf } from '../json';
import { validateExportTo } from './common/export-to';
import { checkWildcardDomain } from './common/hosts';
import { checkSubsetName, validateLabels, validateWorkloadSelector } from './common/labels';
import { ErrorsOnly, validateTrafficPolicy } from './common/traffic-policy';
import { KindValidator } from './types';

const SPEC = FieldPath.at('spec');

/** validateSubset: name, labels and traffic policy; Istio joins them with appendErrors, so warnings are dropped. */
function validateSubset(path: FieldPath, findings: Findings, namespace: string, subset: any): void {
  const errors = new ErrorsOnly(findings);
  errors.errorIfAny(path.child('name'), checkSubsetName(stringOf(subset.name)));
  validateLabels(path.child('labels'), errors, subset.labels);
  validateTrafficPolicy(path.child('trafficPolicy'), errors, namespace, subset.trafficPolicy);
}

export const validateDestinationRule: KindValidator = (obj, findings) => {
  const spec = obj.spec;
  findings.errorIfAny(SPEC.child('host'), checkWildcardDomain(stringOf(spec.host)));
  validateTrafficPolicy(SPEC.child('trafficPolicy'), findings, obj.namespace, spec.trafficPolicy);

  const names = new Set<string>();
  listOf(spec.subsets).forEach((subset, i) => {
    const path = SPEC.child('subsets').index(i);
    if (!isSet(subset)) {
      findings.error(path, 'subset may not be null');
      return;
    }
    const name = stringOf(subset.name);
    if (names.has(name)) findings.error(path.child('name'), `duplicate subset names: ${name}`);
    names.add(name);
    validateSubset(path, findings, obj.namespace, subset);
  });

  validateExportTo(SPEC.child('exportTo'), findings, obj.namespace, spec.exportTo, { isDestinationRuleWithSelector: isSet(spec.workloadSelector) });
  validateWorkloadSelector(SPEC.child('workloadSelector'), findings, spec.workloadSelector);
};
