/**
 * Istio's webhook rules for TrafficExtension (ValidateTrafficExtension in istio/pkg/config/validation):
 * one of a Wasm module or Lua code, what it applies to (a selector or targetRefs), the module or
 * code, and its traffic selectors.
 */
import {
  checkWasmImagePullSecret, checkWasmSha256, checkWasmUrl, validateTrafficSelectors, validateWasmVmConfig,
} from './common/wasm';
import { validatePolicyTargets } from './security/policy-target';
import { KindValidator } from './types';
import { byteLength } from '../../go/builtin';
import { FieldPath } from '../field-path';
import { Findings } from '../findings';
import { isSet, messageOf, stringOf } from '../json';

const SPEC = FieldPath.at('spec');

/** validateLuaConfig: inline code of 1 byte to 64 KiB. */
function validateLua(path: FieldPath, findings: Findings, lua: Record<string, any>): void {
  const size = byteLength(stringOf(lua.inlineCode));
  if (size === 0) findings.error(path.child('inlineCode'), 'lua.inlineCode cannot be empty');
  else if (size > 65536) findings.error(path.child('inlineCode'), 'lua.inlineCode exceeds maximum size of 64KB');
}

/** The Wasm module's checks (validateWasmConfigXxx); sha256 and the pull secret only when set. */
function validateWasm(path: FieldPath, findings: Findings, wasm: Record<string, any>): void {
  findings.errorIfAny(path.child('url'), checkWasmUrl(stringOf(wasm.url)));
  findings.errorIfAny(path.child('sha256'), checkWasmSha256(stringOf(wasm.sha256)));
  const secret = stringOf(wasm.imagePullSecret);
  if (secret !== '') findings.errorIfAny(path.child('imagePullSecret'), checkWasmImagePullSecret(secret));
  if (byteLength(stringOf(wasm.pluginName)) > 256) findings.error(path.child('pluginName'), 'pluginName field must be less than 256 characters long');
  validateWasmVmConfig(path.child('vmConfig'), findings, wasm.vmConfig);
}

export const validateTrafficExtension: KindValidator = (obj, findings) => {
  const spec = obj.spec;
  const hasWasm = isSet(spec.wasm);
  const hasLua = isSet(spec.lua);
  if (hasWasm === hasLua) findings.error(SPEC, 'exactly one of wasm or lua must be set');
  // The kind has no `targetRef` field: Istio passes nil for it.
  validatePolicyTargets(SPEC, findings, { ...spec, targetRef: undefined });
  if (hasLua) validateLua(SPEC.child('lua'), findings, messageOf(spec.lua));
  if (hasWasm) validateWasm(SPEC.child('wasm'), findings, messageOf(spec.wasm));
  validateTrafficSelectors(SPEC.child('match'), findings, spec.match);
};
