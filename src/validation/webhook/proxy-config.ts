/**
 * Istio's webhook rules for the ProxyConfig kind (ValidateProxyConfig in istio/pkg/config/validation):
 * its workload selector and concurrency. The MeshConfig proxy-config rules (agent package) are not
 * applied to this kind.
 */
import { validateWorkloadSelector } from './common/labels';
import { KindValidator } from './types';
import { FieldPath } from '../field-path';
import { int32Of } from '../json';

const SPEC = FieldPath.at('spec');

export const validateProxyConfig: KindValidator = (obj, findings) => {
  const spec = obj.spec;
  validateWorkloadSelector(SPEC.child('selector'), findings, spec.selector);
  // concurrency is an Int32Value wrapper: a JSON number, absent reads as 0.
  if (int32Of(spec.concurrency) < 0) {
    findings.error(SPEC.child('concurrency'), 'concurrency must be greater than or equal to 0');
  }
};
