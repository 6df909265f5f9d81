/** Istio's webhook rules for WasmPlugin (ValidateWasmPlugin in istio/pkg/config/validation). */
import { stringOf } from '../json';
import { byteLength } from './common/hosts';
import {
  validateTrafficSelectors, validateWasmImagePullSecret, validateWasmSha256, validateWasmUrl, validateWasmVmConfig,
} from './common/wasm';
import { validatePolicyTargets } from './security/policy-target';
import { Findings, KindValidator } from './types';

export const validateWasmPlugin: KindValidator = obj => {
  const f = new Findings();
  const spec = obj.spec;
  validatePolicyTargets(f, spec);
  f.errorIfAny('spec.url', validateWasmUrl(stringOf(spec.url)));
  f.errorIfAny('spec.sha256', validateWasmSha256(stringOf(spec.sha256)));
  f.errorIfAny('spec.imagePullSecret', validateWasmImagePullSecret(stringOf(spec.imagePullSecret)));
  // validateWasmPluginName: the limit is 256 bytes, the message says 255 characters.
  if (byteLength(stringOf(spec.pluginName)) > 256) f.error('spec.pluginName', 'pluginName field must be less than 255 characters long');
  validateWasmVmConfig(f, 'spec.vmConfig', spec.vmConfig);
  validateTrafficSelectors(f, 'spec.match', spec.match);
  return f.list;
};
