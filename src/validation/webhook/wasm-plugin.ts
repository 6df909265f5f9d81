/** Istio's webhook rules for WasmPlugin (ValidateWasmPlugin in istio/pkg/config/validation). */
import {
  checkWasmImagePullSecret, checkWasmSha256, checkWasmUrl, validateTrafficSelectors, validateWasmVmConfig,
} from './common/wasm';
import { validatePolicyTargets } from './security/policy-target';
import { KindValidator } from './types';
import { byteLength } from '../../go/builtin';
import { FieldPath } from '../field-path';
import { stringOf } from '../json';

const SPEC = FieldPath.at('spec');

export const validateWasmPlugin: KindValidator = (obj, findings) => {
  const spec = obj.spec;
  validatePolicyTargets(SPEC, findings, spec);
  findings.errorIfAny(SPEC.child('url'), checkWasmUrl(stringOf(spec.url)));
  findings.errorIfAny(SPEC.child('sha256'), checkWasmSha256(stringOf(spec.sha256)));
  findings.errorIfAny(SPEC.child('imagePullSecret'), checkWasmImagePullSecret(stringOf(spec.imagePullSecret)));
  // validateWasmPluginName: the limit is 256 bytes, the message says 255 characters.
  if (byteLength(stringOf(spec.pluginName)) > 256) findings.error(SPEC.child('pluginName'), 'pluginName field must be less than 255 characters long');
  validateWasmVmConfig(SPEC.child('vmConfig'), findings, spec.vmConfig);
  validateTrafficSelectors(SPEC.child('match'), findings, spec.match);
};
