/**
 * Istio's webhook rules for the ProxyConfig kind (ValidateProxyConfig in istio/pkg/config/validation):
 * its workload selector and concurrency. The MeshConfig proxy-config rules (agent package) are not
 * applied to this kind.
 */
import { int32Of } from '../json';
import { validateWorkloadSelector } from './common/labels';
import { Findings, KindValidator } from './types';

export const validateProxyConfig: KindValidator = obj => {
  const f = new Findings();
  const spec = obj.spec;
  validateWorkloadSelector(f, 'spec.selector', spec.selector);
  // concurrency is an Int32Value wrapper: a JSON number, absent reads as 0.
  if (int32Of(spec.concurrency) < 0) {
    f.error('spec.concurrency', 'concurrency must be greater than or equal to 0');
  }
  return f.list;
};
