/**
 * Istio's webhook rules for TrafficExtension (ValidateTrafficExtension in istio/pkg/config/validation):
 * one of a Wasm module or Lua code, what it applies to (a selector or targetRefs), the module or
 * code, and its traffic selectors.
 */
import { isSet, messageOf, stringOf } from '../json';
import { byteLength } from './common/hosts';
import {
  validateTrafficSelectors, validateWasmImagePullSecret, validateWasmSha256, validateWasmUrl, validateWasmVmConfig,
} from './common/wasm';
import { validatePolicyTargets } from './security/policy-target';
import { Findings, KindValidator } from './types';

/** validateLuaConfig: inline code of 1 byte to 64 KiB. */
function validateLua(f: Findings, lua: Record<string, any>): void {
  const size = byteLength(stringOf(lua.inlineCode));
  if (size === 0) f.error('spec.lua.inlineCode', 'lua.inlineCode cannot be empty');
  else if (size > 65536) f.error('spec.lua.inlineCode', 'lua.inlineCode exceeds maximum size of 64KB');
}

/** The Wasm module's checks (validateWasmConfigXxx); sha256 and the pull secret only when set. */
function validateWasm(f: Findings, wasm: Record<string, any>): void {
  f.errorIfAny('spec.wasm.url', validateWasmUrl(stringOf(wasm.url)));
  f.errorIfAny('spec.wasm.sha256', validateWasmSha256(stringOf(wasm.sha256)));
  const secret = stringOf(wasm.imagePullSecret);
  if (secret !== '') f.errorIfAny('spec.wasm.imagePullSecret', validateWasmImagePullSecret(secret));
  if (byteLength(stringOf(wasm.pluginName)) > 256) f.error('spec.wasm.pluginName', 'pluginName field must be less than 256 characters long');
  validateWasmVmConfig(f, 'spec.wasm.vmConfig', wasm.vmConfig);
}

export const validateTrafficExtension: KindValidator = obj => {
  const f = new Findings();
  const spec = obj.spec;
  const hasWasm = isSet(spec.wasm);
  const hasLua = isSet(spec.lua);
  if (hasWasm === hasLua) f.error('spec', 'exactly one of wasm or lua must be set');
  // The kind has no `targetRef` field: Istio passes nil for it.
  validatePolicyTargets(f, { ...spec, targetRef: undefined });
  if (hasLua) validateLua(f, messageOf(spec.lua));
  if (hasWasm) validateWasm(f, messageOf(spec.wasm));
  validateTrafficSelectors(f, 'spec.match', spec.match);
  return f.list;
};
